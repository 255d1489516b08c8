using System.CommandLine;
using System.Diagnostics;
using CentralCount.Cli.Verification;
using CentralCount.Election.Loading;
using CentralCount.ScanPipeline.Store;
using CentralCount.Tabulation;
using CentralCount.Tabulation.Exports;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Samples;

namespace CentralCount.Cli.Commands;

/// <summary>
/// <c>centralcount demo</c>: the end-to-end demonstration on a fresh store. The sample Montana
/// election is loaded; a deck of sheets with every kind of mark and scanner artifact (a few
/// sheets damaged) is rendered, marked and scanned into a batch folder; the batch is scanned
/// into the store; the demo ends with reconciliation, the tallies (checked against the deck's
/// truth), the board queue and the audit log's check.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the demo's files (its store is made afresh).", DefaultValueFactory = _ => new DirectoryInfo("demo-output") };
        var sheets = new Option<int>("--sheets") { Description = "How many sheets in the deck.", DefaultValueFactory = _ => 1000 };
        var command = new Command("demo", "End to end on the sample Montana election: make a deck of marked sheets, scan it into a fresh store, tally, show the board queue.") { output, sheets };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(output)!, parse.GetValue(sheets), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo output, int sheetCount, CancellationToken cancellation)
    {
        if (sheetCount < 1)
        {
            Console.Error.WriteLine("--sheets must be at least 1");
            return ExitCodes.Usage;
        }

        Console.WriteLine("CentralCount demo: the sample Montana general election, end to end");
        var election = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
        output.Create();
        var electionFile = Path.Combine(output.FullName, "montana-general-2026.json");
        await File.WriteAllBytesAsync(electionFile, ElectionWriter.Write(election), cancellation).ConfigureAwait(false);
        var storeFile = new FileInfo(Path.Combine(output.FullName, "count.db"));
        foreach (var old in new[] { storeFile.FullName, storeFile.FullName + "-wal", storeFile.FullName + "-shm" })
        {
            File.Delete(old);
        }

        // A demo run before this one left its own images and exports here; each run starts afresh.
        foreach (var folder in new[] { "count-images", "exports" })
        {
            if (Directory.Exists(Path.Combine(output.FullName, folder)))
            {
                Directory.Delete(Path.Combine(output.FullName, folder), true);
            }
        }

        Console.WriteLine($"1. Election {election.Title}, {election.Jurisdiction.County}: {election.Contests.Count} contests, {election.BallotStyles.Count} ballot styles, hash {election.Hash.Prefix}");
        if (ElectionCommand.Load(new FileInfo(electionFile), storeFile) != ExitCodes.Success)
        {
            return ExitCodes.CheckFailed;
        }

        var batchFolder = Path.Combine(output.FullName, "batch-001");
        if (Directory.Exists(batchFolder))
        {
            Directory.Delete(batchFolder, true);
        }

        var clock = Stopwatch.StartNew();
        CorpusManifest manifest;
        using (var generator = new GoldenCorpusGenerator(election))
        {
            var progress = new Progress<int>(n =>
            {
                if (n % 250 == 0)
                {
                    Console.WriteLine($"   {n} sheets made");
                }
            });
            manifest = generator.Generate(new CorpusOptions(sheetCount, Seed: 2026, DefectShare: 0.02), batchFolder, progress);
        }

        var contests = manifest.Sheets.Where(s => s.ExpectedReject == "none").SelectMany(s => s.Contests).ToList();
        Console.WriteLine($"2. Rendered, marked and scanned {manifest.Sheets.Count} sheets ({2 * manifest.Sheets.Count} pages) in {clock.Elapsed.TotalSeconds:F0} s into {batchFolder}");
        Console.WriteLine($"   fills in six inks, erasures, checks, X's, circles, arrows, words, write-ins; skew, noise, folds, 1-bit scans; " +
            $"{manifest.Sheets.Count(s => s.ExpectedReject != "none")} sheets damaged on purpose; {contests.Count(c => c.Outcome == "board")} questionable contests (manifest.json holds the truth)");

        Console.WriteLine("3. Scanning the batch into the store");
        clock.Restart();
        var scanned = await ScanCommand.RunAsync(new DirectoryInfo(batchFolder), storeFile, "batch-001", "station-1", "demo", manifest.Sheets.Count,
            rescan: false, watch: false, Environment.ProcessorCount, test: false, copyImages: false, cancellation).ConfigureAwait(false);
        if (scanned != ExitCodes.Success)
        {
            return scanned;
        }

        Console.WriteLine($"   {2 * manifest.Sheets.Count / Math.Max(0.001, clock.Elapsed.TotalSeconds):F1} pages a second end to end on {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("4. Reconciliation");
        ReconcileCommand.Run(storeFile);
        Console.WriteLine();
        Console.WriteLine("5. Tallies");
        TallyCommand.Run(storeFile, null, null, null);

        using var store = CountStore.Open(storeFile.FullName);
        var check = CountVerifier.Check(election, store, batchFolder, manifest, "batch-001");
        var differences = check.Differences;
        Console.WriteLine();
        Console.WriteLine(differences.Count == 0
            ? $"   Every vote the machine counted equals the deck's truth, in every contest; all {check.Questionable} questionable contests are held for the board" +
              (check.CleanHeld > 0 ? $", and {check.CleanHeld} clean one(s) with it (a light or unusual fill the machine would not count alone)." : ".")
            : $"   {differences.Count} tally difference(s) from the deck's truth:");
        foreach (var d in differences.Take(20))
        {
            Console.WriteLine($"     {d}");
        }

        var queue = check.Queue;
        Console.WriteLine();
        Console.WriteLine($"6. Board queue: {queue.Count} contests wait for the board's decision");
        foreach (var (clause, n) in queue.GroupBy(q => q.Clause ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())))
        {
            var rule = Election.Rules.MontanaRules.Get(clause);
            Console.WriteLine($"   {n,5} under ARM 44.3.{clause}: {rule.Situation}");
        }

        foreach (var item in queue.Take(5))
        {
            Console.WriteLine($"   e.g. {item.BatchId} sheet {item.Seq} ({item.FrontFile}) {item.ContestId}: {item.Clause}, suggest {item.SuggestedOutcome}{(item.SuggestedVotes.Count > 0 ? " " + string.Join(", ", item.SuggestedVotes) : string.Empty)}");
        }

        if (queue.Count > 0)
        {
            Console.WriteLine($"   The board decides them in its web application: centralcount accounts add --store {store.Path} --role administrator --name clerk; then centralcount serve --store {store.Path} (README: \"Setting up a board\")");
        }

        Console.WriteLine();
        bool exportAgrees;
        var exportFolder = Path.Combine(output.FullName, "exports");
        var export = ExportCount.Run(store, exportFolder, DateTimeOffset.UtcNow);
        using (var cvr = File.OpenRead(Path.Combine(exportFolder, ExportCount.Cvr)))
        {
            var fromCvrs = TallyContests.From(store.Election!, CastVoteRecordReader.Read(cvr, store.Election!));
            var fromStore = TallyContests.From(store.Election!, RecordedContests.In(store));
            exportAgrees = fromCvrs.Zip(fromStore).All(p => p.First.Options.SequenceEqual(p.Second.Options) && p.First with { Options = [] } == p.Second with { Options = [] });
        }

        var exportProblems = ExportManifest.Verify(exportFolder);
        Console.WriteLine($"7. Exports in {exportFolder}: {string.Join(", ", export.Files.Select(f => f.Name))}, manifest.json (sha256 {export.ManifestSha256[..16]}...)");
        Console.WriteLine($"   CVRs of {export.Sheets} sheets read back give {(exportAgrees ? "the same tallies as the store" : "DIFFERENT tallies from the store")}; export verify: {(exportProblems.Count == 0 ? "every file matches its manifest" : string.Join("; ", exportProblems))}");

        var log = store.AuditLog();
        var chain = AuditChain.FirstBreak(log);
        Console.WriteLine();
        Console.WriteLine($"8. Audit log: {log.Count} entries, {(chain is null ? "chain intact" : "BROKEN: " + chain)}");
        Console.WriteLine($"   Store: {store.Path} (images in {store.ImagesFolder})");
        var ok = differences.Count == 0 && chain is null && exportAgrees && exportProblems.Count == 0;
        Console.WriteLine(ok ? "All checks passed." : "Some checks FAILED.");
        return ok ? ExitCodes.Success : ExitCodes.CheckFailed;
    }
}
