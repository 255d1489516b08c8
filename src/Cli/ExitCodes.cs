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

    /// <summary>A fault of the program itself, printed in full for the report; the store's transactions keep a count whole.</summary>
    public const int InternalError = 5;

    /// <summary>A scan halted itself: the station's scanner is at fault (ARM 44.3.1714), so the count stops there until it is tested.</summary>
    public const int StationHalted = 6;

    /// <summary>Stopped by the operator (Ctrl+C) outside a scan, which reports its own stop.</summary>
    public const int Stopped = 130;
}
