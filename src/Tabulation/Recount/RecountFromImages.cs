using System.Collections.Concurrent;
using CentralCount.Election.Rules;
using CentralCount.ScanPipeline.Ingest;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Tabulation.Recount;

/// <summary>Which part of the count to recount: contests, precincts, batches (null for all).</summary>
public sealed record RecountScope(IReadOnlySet<string>? Contests, IReadOnlySet<string>? Precincts, IReadOnlySet<string>? Batches)
{
    public static RecountScope All { get; } = new(null, null, null);
}

/// <summary>A contest of a sheet that reads differently now from how it was recorded, or a sheet that could not be read again.</summary>
public sealed record RecountDifference(string BatchId, int Seq, string FrontFile, string? ContestId, string Recorded, string Now);

/// <summary>What a recount found: sheets and contests read again, each difference, and the tallies compared.</summary>
public sealed record RecountReport(int Sheets, int Contests, IReadOnlyList<RecountDifference> Differences, IReadOnlyList<string> TallyDifferences, IReadOnlyList<ContestTally> Tallies);

/// <summary>
/// Re-tabulates part of the count from the stored images: each sheet's images are checked
/// against the hash recorded at scan time, read again through the same registration,
/// interpretation and rules, and every contest compared with what was recorded. Contests the
/// board decided keep the board's decision when the machine still sends them to the board. The
/// tallies of the recount are compared with the recorded ones, and every difference reported.
/// </summary>
public static class RecountFromImages
{
    public static RecountReport Run(CountStore store, Func<ReadSheet> readers, RecountScope scope, int workers, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(scope);
        var election = store.Election ?? throw new CountStoreException($"{store.Path}: no election loaded");
        var sheets = store.CountedSheets(b => scope.Batches is null || scope.Batches.Contains(b))
            .Where(s => scope.Precincts is null || (s.PrecinctId is { } p && scope.Precincts.Contains(p)))
            .ToList();
        var differences = new ConcurrentBag<RecountDifference>();
        var recorded = new ConcurrentBag<RecordedContest>();
        var reread = new ConcurrentBag<RecordedContest>();
        var contests = 0;
        var done = 0;
        var reader = new ThreadLocal<ReadSheet>(readers);
        Parallel.ForEach(sheets, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, sheet =>
        {
            var inScope = sheet.Contests.Where(c => scope.Contests is null || scope.Contests.Contains(c.ContestId)).ToList();
            Interlocked.Add(ref contests, inScope.Count);
            foreach (var c in inScope)
            {
                recorded.Add(new RecordedContest(sheet.BatchId, sheet.StyleId, sheet.PrecinctId, c.ContestId, c.CurrentOutcome, c.CurrentVotes));
            }

            var now = ReadAgain(store.ImagesFolder, sheet, reader.Value!, out var problem);
            if (now is null)
            {
                differences.Add(new RecountDifference(sheet.BatchId, sheet.Seq, sheet.FrontFile, null, "counted", problem!));
                progress?.Report(Interlocked.Increment(ref done));
                return;
            }

            var outcomes = now.Contests.ToDictionary(c => c.ContestId, c => c.Outcome, StringComparer.Ordinal);
            foreach (var c in inScope)
            {
                var was = Describe(c.Outcome, c.Votes, c.Clause);
                if (!outcomes.TryGetValue(c.ContestId, out var o))
                {
                    differences.Add(new RecountDifference(sheet.BatchId, sheet.Seq, sheet.FrontFile, c.ContestId, was, "not on the sheet now"));
                    continue;
                }

                var kind = o.Kind.Name();
                var isNow = Describe(kind, o.Votes, o.Clause?.Id);
                if (isNow != was)
                {
                    differences.Add(new RecountDifference(sheet.BatchId, sheet.Seq, sheet.FrontFile, c.ContestId, was, isNow));
                }

                var (outcome, votes) = o.Kind == OutcomeKind.Board && c.Adjudication is { } a ? (a.Outcome, a.Votes) : (kind, o.Votes);
                reread.Add(new RecordedContest(sheet.BatchId, sheet.StyleId, sheet.PrecinctId, c.ContestId, outcome, votes));
            }

            progress?.Report(Interlocked.Increment(ref done));
        });
        reader.Dispose();

        var before = TallyContests.From(election, recorded).Where(t => t.Ballots > 0).ToList();
        var after = TallyContests.From(election, reread).ToDictionary(t => t.ContestId);
        var tallyDifferences = new List<string>();
        foreach (var b in before)
        {
            var a = after[b.ContestId];
            tallyDifferences.AddRange(b.Options.Zip(a.Options).Where(p => p.First.Votes != p.Second.Votes)
                .Select(p => $"{b.Title}: {p.First.Label} recorded {p.First.Votes}, recount {p.Second.Votes}"));
            foreach (var (name, x, y) in new[] { ("write-ins not matched", b.WriteIns, a.WriteIns), ("overvoted ballots", b.Overvotes, a.Overvotes), ("undervoted ballots", b.Undervotes, a.Undervotes), ("not valid", b.NotValid, a.NotValid), ("waiting on the board", b.PendingBoard, a.PendingBoard) })
            {
                if (x != y)
                {
                    tallyDifferences.Add($"{b.Title}: {name} recorded {x}, recount {y}");
                }
            }
        }

        return new RecountReport(sheets.Count, contests, [.. differences.OrderBy(d => d.BatchId, StringComparer.Ordinal).ThenBy(d => d.Seq).ThenBy(d => d.ContestId, StringComparer.Ordinal)], tallyDifferences, before);
    }

    private static SheetRecord? ReadAgain(string imagesFolder, StoredSheet sheet, ReadSheet reader, out string? problem)
    {
        problem = null;
        var front = sheet.FrontImage is null ? null : Path.Combine(imagesFolder, sheet.FrontImage);
        var back = sheet.BackImage is null ? null : Path.Combine(imagesFolder, sheet.BackImage);
        if (front is null || !File.Exists(front) || (sheet.BackFile is not null && (back is null || !File.Exists(back))))
        {
            problem = "its image is not in the store's images folder";
            return null;
        }

        using var raw = RawSheet.Read(0, new SheetFiles(sheet.Seq, front, back));
        if (raw.ContentHash != sheet.ContentHash)
        {
            problem = "its stored image no longer matches the hash recorded when it was scanned";
            return null;
        }

        var record = reader.Read(raw, sheet.BatchId);
        if (record.Status != SheetStatus.Counted)
        {
            problem = $"rejected now: {record.RejectReason} ({record.RejectDetail})";
            return null;
        }

        return record;
    }

    private static string Describe(string outcome, IReadOnlyList<string> votes, string? clause) =>
        outcome + (votes.Count > 0 ? " " + string.Join(",", votes) : string.Empty) + (clause is null ? string.Empty : $" [{clause}]");
}
