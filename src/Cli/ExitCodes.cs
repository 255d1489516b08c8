namespace CentralCount.Cli;

/// <summary>Process exit codes, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line could not be parsed (System.CommandLine's own code).</summary>
    public const int Usage = 1;

    /// <summary>An input file was missing, unreadable or not what it should be.</summary>
    public const int BadInput = 2;

    /// <summary>The sheet was read and rejected: it cannot be tabulated (the reason is printed).</summary>
    public const int Rejected = 4;

    /// <summary>A self-check failed: the machine did not do what it must.</summary>
    public const int CheckFailed = 3;
}
