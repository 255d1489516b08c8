using System.CommandLine;
using CentralCount.Cli.Verification;
using CentralCount.TestDeck.Corpus;

namespace CentralCount.Cli.Commands;

/// <summary>
/// <c>centralcount testdeck certify</c>: the public test before an election. The test deck is
/// tabulated two to five times, each time through the whole pipeline into a fresh store, and
/// the printable report says whether every tabulation matched the declared totals and the first.
/// </summary>
internal static class CertifyDeckCommand
{
    public static Command Create(Option<FileInfo> election)
    {
        var deck = new Option<DirectoryInfo>("--deck") { Description = "The test deck's folder, as scanned (with manifest.json and declared-totals.json from testdeck deck).", Required = true };
        var runs = new Option<int>("--runs") { Description = "How many tabulations: 2 to 5 (ARM 44.3.1704(2)(b)).", DefaultValueFactory = _ => 3 };
        var report = new Option<FileInfo?>("--report") { Description = "Where to write the report (default: certification-report.md in the deck's folder)." };
        var command = new Command("certify", "The public test: tabulate a test deck 2-5 times into fresh stores; each must match its declared totals and the first exactly.") { election, deck, runs, report };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(election)!, parse.GetValue(deck)!, parse.GetValue(runs), parse.GetValue(report), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, DirectoryInfo deck, int runs, FileInfo? reportFile, CancellationToken cancellation)
    {
        if (runs is < 2 or > 5)
        {
            Console.Error.WriteLine($"--runs {runs}: ARM 44.3.1704(2)(b) asks for no less than two nor more than five tabulations");
            return ExitCodes.Usage;
        }

        var election = ElectionCommand.TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        var declaredFile = Path.Combine(deck.FullName, "declared-totals.json");
        if (!File.Exists(declaredFile) || !File.Exists(Path.Combine(deck.FullName, "manifest.json")))
        {
            Console.Error.WriteLine($"{deck.FullName}: not a test deck (declared-totals.json and manifest.json are made by: centralcount testdeck deck)");
            return ExitCodes.BadInput;
        }

        var declared = System.Text.Json.JsonSerializer.Deserialize(File.ReadAllBytes(declaredFile), CorpusJsonContext.Default.IReadOnlyListDeclaredContest) ?? [];
        var manifest = CorpusManifest.Read(deck.FullName);
        var tabulations = new List<DeckTabulation>();
        for (var run = 1; run <= runs; run++)
        {
            Console.WriteLine($"tabulation {run} of {runs}");
            var folder = Directory.CreateTempSubdirectory("centralcount-certify-");
            try
            {
                var storeFile = new FileInfo(Path.Combine(folder.FullName, "count.db"));
                var scanned = await ScanCommand.IntoNewStoreAsync(file, deck, storeFile, $"test-deck-{run}", manifest.Sheets.Count, test: true, cancellation).ConfigureAwait(false);
                if (scanned != ExitCodes.Success)
                {
                    return scanned;
                }

                using var store = ScanPipeline.Store.CountStore.Open(storeFile.FullName);
                var tabulation = TestDeckCertification.Tabulate(run, election, store, declared, manifest.Sheets.Count);
                tabulations.Add(tabulation);
                Console.WriteLine($"tabulation {run}: {tabulation.Differences.Count} difference(s) from the declared totals; {(tabulation.Fingerprint == tabulations[0].Fingerprint ? "the same as the first" : "DIFFERENT from the first")}");
            }
            finally
            {
                folder.Delete(true);
            }
        }

        var text = TestDeckCertification.Report(election, InfoCommand.Engine, deck.FullName, tabulations, DateTimeOffset.UtcNow);
        var path = reportFile?.FullName ?? Path.Combine(deck.FullName, "certification-report.md");
        await File.WriteAllTextAsync(path, text, cancellation).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine($"report written to {path}");
        return TestDeckCertification.Passed(tabulations) ? ExitCodes.Success : ExitCodes.CheckFailed;
    }
}
