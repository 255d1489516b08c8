using System.Diagnostics;

namespace CentralCount.Cli.Tests;

/// <summary>
/// Kill -9 in the middle of a scan, more than once, then finish it: the tallies equal those of
/// a scan never interrupted, no sheet is lost or counted twice, and the audit log is intact.
/// (A 100-sheet batch here; docs/operations.md has the 10,000-sheet run.)
/// </summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public void A_scan_killed_mid_batch_and_restarted_gives_the_same_tallies_as_an_uninterrupted_one()
    {
        var root = Directory.CreateTempSubdirectory("crash");
        try
        {
            var deck = Path.Combine(root.FullName, "deck");
            var (code, _, error) = CliRunner.Run("testdeck", "corpus", "--election", Sample, "--out", deck, "--sheets", "100", "--seed", "606", "--defects", "0.05");
            Assert.True(code == 0, error);

            var clean = Path.Combine(root.FullName, "clean", "count.db");
            Scan(clean, deck);
            var expected = CliRunner.Run("tally", "--store", clean).Out;

            var crashed = Path.Combine(root.FullName, "crashed", "count.db");
            Assert.Equal(0, CliRunner.Run("election", "load", Sample, "--store", crashed).ExitCode);
            // Killed once 10, 40 and 70 sheets are in the store: each time in the middle of the batch.
            foreach (var recorded in new[] { 10, 40, 70 })
            {
                Assert.True(StartAndKill(crashed, deck, recorded), $"the scan finished before {recorded} sheets were recorded and it could be killed");
            }

            var finish = CliRunner.Run("scan", deck, "--store", crashed, "--batch", "b1");
            Assert.True(finish.ExitCode == 0, finish.Error);
            Assert.Equal(expected, CliRunner.Run("tally", "--store", crashed).Out);
            var reconcile = CliRunner.Run("reconcile", "--store", crashed).Out;
            Assert.Contains("b1", reconcile, StringComparison.Ordinal);
            Assert.DoesNotContain("DOES NOT RECONCILE", reconcile, StringComparison.Ordinal);
            var audit = CliRunner.Run("audit-log", "verify", "--store", crashed);
            Assert.True(audit.ExitCode == 0, audit.Error);
        }
        finally
        {
            root.Delete(true);
        }
    }

    private static string Sample => Path.Combine(CentralCount.Tests.TestPaths.RepoRoot, "samples", "montana-general-2026.json");

    private static void Scan(string store, string deck)
    {
        Assert.Equal(0, CliRunner.Run("election", "load", Sample, "--store", store).ExitCode);
        var run = CliRunner.Run("scan", deck, "--store", store, "--batch", "b1", "--expected", "100");
        Assert.True(run.ExitCode == 0, run.Error);
    }

    // Starts a scan and sends it SIGKILL once the store holds that many sheets; true when it was still running then.
    private static bool StartAndKill(string store, string deck, int recorded)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "centralcount.dll"), "scan", deck, "--store", store, "--batch", "b1", "--expected", "100" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        while (StoreProbe.Recorded(store) < recorded)
        {
            if (process.WaitForExit(TimeSpan.FromMilliseconds(20)))
            {
                return false;
            }
        }

        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return true;
    }
}
