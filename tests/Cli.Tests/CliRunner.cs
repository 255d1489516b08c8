using System.Diagnostics;

namespace CentralCount.Cli.Tests;

/// <summary>Runs the built <c>centralcount</c> CLI as a separate process, as an operator would.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args) => RunFor(TimeSpan.FromMinutes(5), args);

    public static (int ExitCode, string Out, string Error) RunFor(TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "centralcount.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("centralcount " + string.Join(' ', args) + " did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
