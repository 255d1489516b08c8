using System.Text.Json.Nodes;

namespace CentralCount.Cli.Tests;

/// <summary>The public test with a test deck (ARM 44.3.1704(2)(b)-(d)): it passes on a true deck and names what is wrong on a false one.</summary>
public sealed class CertifyDeckTests
{
    [Fact]
    public void A_test_deck_tabulated_twice_matches_its_declared_totals_and_a_changed_total_fails_by_name()
    {
        var root = Directory.CreateTempSubdirectory("certify");
        try
        {
            var sample = Path.Combine(CentralCount.Tests.TestPaths.RepoRoot, "samples", "montana-general-2026.json");
            var deck = Path.Combine(root.FullName, "deck");
            Assert.Equal(0, CliRunner.Run("testdeck", "deck", "--election", sample, "--out", deck).ExitCode);

            var (code, text, error) = CliRunner.Run("testdeck", "certify", "--election", sample, "--deck", deck, "--runs", "2");
            Assert.True(code == 0, text + error);
            var report = File.ReadAllText(Path.Combine(deck, "certification-report.md"));
            Assert.Contains("Result: PASS", report, StringComparison.Ordinal);
            Assert.Contains("| 2 | ", report, StringComparison.Ordinal);

            // One declared total off by one: the test must fail and say which.
            var declaredFile = Path.Combine(deck, "declared-totals.json");
            var declared = JsonNode.Parse(File.ReadAllText(declaredFile))!.AsArray();
            var first = declared[0]!;
            var votes = first["votes"]!.AsObject();
            var option = votes.First().Key;
            votes[option] = votes[option]!.GetValue<int>() + 1;
            File.WriteAllText(declaredFile, declared.ToJsonString());
            var failed = CliRunner.Run("testdeck", "certify", "--election", sample, "--deck", deck, "--runs", "2");
            Assert.Equal(3, failed.ExitCode);
            Assert.Contains("Result: FAIL", failed.Out, StringComparison.Ordinal);
            Assert.Contains($"{first["contestId"]!.GetValue<string>()} {option}: declared", failed.Out, StringComparison.Ordinal);

            Assert.Equal(1, CliRunner.Run("testdeck", "certify", "--election", sample, "--deck", deck, "--runs", "1").ExitCode);
        }
        finally
        {
            root.Delete(true);
        }
    }
}
