using CentralCount.Election;
using CentralCount.ScanPipeline.Store;
using CentralCount.Tabulation;
using CentralCount.TestDeck.Corpus;

namespace CentralCount.Cli.Verification;

/// <summary>The store's count against a corpus's truth: tally differences (board items counted apart), the board queue, and how many clean contests the machine held for the board.</summary>
public sealed record CountReport(IReadOnlyList<string> Differences, int Questionable, int CleanHeld, IReadOnlyList<BoardItem> Queue)
{
    public int BoardItems => Queue.Count;
}

/// <summary>Checks a scanned corpus's store against its manifest, through the tallies people will read.</summary>
public static class CountVerifier
{
    public static CountReport Check(ElectionDefinition election, CountStore store, string corpusDirectory, CorpusManifest manifest, string batchId)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(manifest);
        var actual = TallyContests.From(election, RecordedContests.In(store));
        var queue = store.BoardQueue();
        var held = queue.Select(q => (q.FrontFile, q.ContestId)).ToHashSet();
        var differences = TallyVerifier.Differences(TallyVerifier.Expected(election, corpusDirectory, batchId, held), actual);
        var readable = manifest.Sheets.Where(s => s.ExpectedReject == "none").ToList();
        var cleanHeld = readable.SelectMany(s => s.Contests.Where(c => c.Outcome != "board" && s.Pages.Any(p => held.Contains((p.File, c.ContestId))))).Count();
        return new CountReport(differences, readable.Sum(s => s.Contests.Count(c => c.Outcome == "board")), cleanHeld, queue);
    }
}
