using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CentralCount.Cli.Tests;

/// <summary>
/// An operator stopping a watched scan (Ctrl+C, or the service manager's SIGTERM) gets a clean
/// stop: the command says every sheet recorded so far is kept and ends with 0, and the store
/// holds every sheet read before the stop.
/// </summary>
public sealed partial class OperatorStopTests
{
    private const int SigTerm = 15;

    [Fact]
    public async Task A_watched_scan_stopped_by_a_signal_says_so_and_keeps_every_sheet_it_recorded()
    {
        var root = Directory.CreateTempSubdirectory("stop");
        try
        {
            var sample = Path.Combine(CentralCount.Tests.TestPaths.RepoRoot, "samples", "montana-general-2026.json");
            var deck = Path.Combine(root.FullName, "deck");
            var store = Path.Combine(root.FullName, "count.db");
            Assert.Equal(0, CliRunner.Run("testdeck", "corpus", "--election", sample, "--out", deck, "--sheets", "3", "--seed", "21").ExitCode);
            Assert.Equal(0, CliRunner.Run("election", "load", sample, "--store", store).ExitCode);

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "centralcount.dll"), "scan", deck, "--store", store, "--batch", "w1", "--watch" })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var waited = Stopwatch.StartNew();
            while (StoreProbe.Recorded(store) < 3 && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                Assert.False(process.WaitForExit(TimeSpan.FromMilliseconds(100)), "a watched scan ended by itself");
            }

            Assert.Equal(0, Kill(process.Id, SigTerm));
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the scan did not stop on SIGTERM");
            var (output, error) = (await stdout, await stderr);
            Assert.True(process.ExitCode == 0, output + error);
            Assert.Contains("stopped; every sheet recorded so far is kept", output, StringComparison.Ordinal);
            Assert.Equal(3, StoreProbe.Recorded(store));
        }
        finally
        {
            root.Delete(true);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
