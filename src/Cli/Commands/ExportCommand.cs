using System.CommandLine;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.Tabulation.Exports;
using CentralCount.Tabulation.Recount;
using CentralCount.TestDeck.Rendering;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount export</c>, <c>export verify</c> and <c>recount</c>: the count's records for the public, the auditors and the recount board.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var output = new Option<DirectoryInfo>("--out") { Description = "A new (empty) folder for the export.", Required = true };
        var command = new Command("export", "Write the CVRs (NIST 1500-103), results (NIST 1500-100 and a printable report with the overvote summary), Arlo's CVR file and ballot manifest, and a manifest of SHA-256 hashes.") { store, output };
        command.SetAction(parse => Run(parse.GetValue(store)!, parse.GetValue(output)!));
        var folder = new Argument<DirectoryInfo>("FOLDER") { Description = "An export folder." };
        var verify = new Command("verify", "Check every file of an export against its manifest: exit 3 when any file was changed, removed or added.") { folder };
        verify.SetAction(parse => Verify(parse.GetValue(folder)!));
        command.Subcommands.Add(verify);
        return command;
    }

    public static Command CreateRecount()
    {
        var store = StoreOption.Create();
        var contests = new Option<string[]>("--contest") { Description = "Only these contests (repeatable).", AllowMultipleArgumentsPerToken = true };
        var precincts = new Option<string[]>("--precinct") { Description = "Only sheets of these precincts (repeatable).", AllowMultipleArgumentsPerToken = true };
        var batches = new Option<string[]>("--batch") { Description = "Only these batches (repeatable).", AllowMultipleArgumentsPerToken = true };
        var workers = new Option<int>("--workers") { Description = "Sheets read at once (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("recount", "Re-tabulate part of the count from the stored images and report every difference from the recorded count (exit 3 when there is one).") { store, contests, precincts, batches, workers };
        command.SetAction(parse => Recount(parse.GetValue(store)!, Set(parse.GetValue(contests)), Set(parse.GetValue(precincts)), Set(parse.GetValue(batches)), parse.GetValue(workers)));
        return command;
    }

    private static int Run(FileInfo storeFile, DirectoryInfo output)
    {
        using var store = StoreOption.TryOpen(storeFile);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        try
        {
            var result = ExportCount.Run(store, output.FullName, DateTimeOffset.UtcNow);
            Console.WriteLine($"exported {result.Sheets} counted sheets to {output.FullName}");
            foreach (var f in result.Files)
            {
                Console.WriteLine($"  {f.Name,-28} {f.Bytes,12:N0} bytes  sha256 {f.Sha256}");
            }

            Console.WriteLine($"  {ExportManifest.FileName,-28} sha256 {result.ManifestSha256}  (write this down with the canvass record)");
            Console.WriteLine($"check later with: centralcount export verify {output.FullName}");
            return ExitCodes.Success;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
    }

    private static int Verify(DirectoryInfo folder)
    {
        // A path that leads nowhere is a mistake in the command; a folder without its manifest fails the check.
        if (!folder.Exists)
        {
            Console.Error.WriteLine($"{folder.FullName}: no such folder");
            return ExitCodes.BadInput;
        }

        var problems = ExportManifest.Verify(folder.FullName);
        if (problems.Count == 0)
        {
            Console.WriteLine($"{folder.FullName}: every file matches its manifest (manifest sha256 {ExportManifest.Describe(Path.Combine(folder.FullName, ExportManifest.FileName)).Sha256})");
            return ExitCodes.Success;
        }

        foreach (var p in problems)
        {
            Console.WriteLine($"{folder.FullName}: {p}");
        }

        return ExitCodes.CheckFailed;
    }

    private static int Recount(FileInfo storeFile, IReadOnlySet<string>? contests, IReadOnlySet<string>? precincts, IReadOnlySet<string>? batches, int workers)
    {
        using var store = StoreOption.TryOpen(storeFile);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        var election = store.Election!;
        if (contests?.FirstOrDefault(c => election.Contests.All(x => x.Id != c)) is { } unknown)
        {
            Console.Error.WriteLine($"--contest {unknown}: no such contest in {election.Id}");
            return ExitCodes.BadInput;
        }

        var unknownScope = ScopeNames.Unknown("precinct", "precincts", precincts, election.Precincts.Select(p => p.Id))
            .Concat(ScopeNames.Unknown("batch", "batches", batches, store.Batches().Select(b => b.Batch.Id)))
            .ToList();
        if (unknownScope.Count > 0)
        {
            unknownScope.ForEach(Console.Error.WriteLine);
            return ExitCodes.BadInput;
        }

        using var pool = new PixelMemoryPool();
        var references = RenderedBlankPages.References(election);
        var registrar = new PageRegistrar(election);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = RecountFromImages.Run(store, () => new ReadSheet(election, registrar, new InterpretSheet(references), pool), new RecountScope(contests, precincts, batches), workers);
        store.Log("recount", $"{report.Sheets} sheets, {report.Contests} contests read again from the stored images: {report.Differences.Count} differences in readings, {report.TallyDifferences.Count} in tallies");
        Console.WriteLine($"recount: {report.Sheets} sheets and {report.Contests} contests read again from the stored images in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var d in report.Differences)
        {
            Console.WriteLine($"  {d.BatchId} sheet {d.Seq} ({d.FrontFile}){(d.ContestId is null ? string.Empty : " " + d.ContestId)}: recorded {d.Recorded}; now {d.Now}");
        }

        foreach (var d in report.TallyDifferences)
        {
            Console.WriteLine($"  tally: {d}");
        }

        if (report.Sheets == 0)
        {
            // Agreement over nothing must not read as a confirmed count.
            Console.Error.WriteLine("no counted sheet is in this scope, so nothing was read again and nothing is confirmed" +
                (precincts is not null ? " (a sheet of a ballot style that several precincts share is in no precinct unless its code names one: limit by --batch instead)" : string.Empty));
            return ExitCodes.BadInput;
        }

        Console.WriteLine(report.Differences.Count == 0 && report.TallyDifferences.Count == 0
            ? "every reading and every tally in scope is as recorded"
            : $"{report.Differences.Count} reading difference(s), {report.TallyDifferences.Count} tally difference(s)");
        return report.Differences.Count == 0 && report.TallyDifferences.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static HashSet<string>? Set(string[]? values) => values is null || values.Length == 0 ? null : values.ToHashSet(StringComparer.Ordinal);
}
