using System.Text;
using CentralCount.Election;
using CentralCount.ScanPipeline.Store;
using CentralCount.Tabulation;
using CentralCount.TestDeck.Corpus;

namespace CentralCount.Cli.Verification;

/// <summary>One tabulation of a test deck: what the store counted and how it stands against the deck's declared totals.</summary>
public sealed record DeckTabulation(int Run, int Sheets, int Counted, int Rejected, int Duplicates, int BoardItems, IReadOnlyList<string> Differences, string Fingerprint);

/// <summary>
/// The public test of a tabulating system with a test deck (ARM 44.3.1712, tabulated as in
/// 44.3.1704(2)(b)-(d)): every tabulation must give exactly the declared votes for every option,
/// catch every overvoted ballot (held for the board or recorded as an overvote, never counted
/// for anyone), read every sheet, and agree completely with the first tabulation.
/// </summary>
public static class TestDeckCertification
{
    /// <summary>Compares one tabulation's store with the declared totals; the fingerprint captures everything later runs must repeat.</summary>
    public static DeckTabulation Tabulate(int run, ElectionDefinition election, CountStore store, IReadOnlyList<DeclaredContest> declared, int sheets)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(declared);
        var tallies = TallyContests.From(election, RecordedContests.In(store)).ToDictionary(t => t.ContestId, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var contest in declared)
        {
            if (!tallies.TryGetValue(contest.ContestId, out var tally))
            {
                differences.Add($"{contest.ContestId}: not tabulated at all");
                continue;
            }

            foreach (var (option, votes) in contest.Votes.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                var tabulated = tally.Options.FirstOrDefault(o => o.OptionId == option).Votes;
                if (tabulated != votes)
                {
                    differences.Add($"{contest.ContestId} {option}: declared {votes}, tabulated {tabulated}");
                }
            }

            var caught = tally.Overvotes + tally.PendingBoard;
            if (caught != contest.Overvotes)
            {
                differences.Add($"{contest.ContestId}: declared {contest.Overvotes} overvoted ballot(s), {caught} caught (overvotes {tally.Overvotes}, held for the board {tally.PendingBoard})");
            }

            if (tally.Undervotes != contest.Undervotes)
            {
                differences.Add($"{contest.ContestId}: declared {contest.Undervotes} blank ballot(s), tabulated {tally.Undervotes}");
            }
        }

        var batches = store.Batches();
        var (counted, rejected, duplicates) = (batches.Sum(b => b.Counted), batches.Sum(b => b.Rejected), batches.Sum(b => b.Duplicates));
        if (counted != sheets)
        {
            differences.Add($"{sheets} sheets in the deck, {counted} counted ({rejected} rejected, {duplicates} duplicates)");
        }

        var queue = store.BoardQueue();
        return new DeckTabulation(run, sheets, counted, rejected, duplicates, queue.Count, differences, Fingerprint(tallies.Values, queue));
    }

    // Every figure a reader of the tallies or the board queue sees, in a fixed order; the batch name differs by run and is left out.
    private static string Fingerprint(IEnumerable<ContestTally> tallies, IReadOnlyList<BoardItem> queue)
    {
        var text = new StringBuilder();
        foreach (var t in tallies.OrderBy(t => t.ContestId, StringComparer.Ordinal))
        {
            text.Append(t.ContestId).Append(' ').Append(t.Ballots).Append(' ').Append(t.WriteIns).Append(' ').Append(t.Undervotes).Append(' ')
                .Append(t.Overvotes).Append(' ').Append(t.NotValid).Append(' ').Append(t.PendingBoard);
            foreach (var (option, _, votes) in t.Options)
            {
                text.Append(' ').Append(option).Append('=').Append(votes);
            }

            text.Append('\n');
        }

        foreach (var q in queue.OrderBy(q => q.Seq).ThenBy(q => q.ContestId, StringComparer.Ordinal))
        {
            text.Append(q.Seq).Append(' ').Append(q.ContestId).Append(' ').Append(q.Clause).Append(' ').Append(q.SuggestedOutcome)
                .Append(' ').Append(string.Join(',', q.SuggestedVotes)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The printable record of the test, with a line for each signature the county's procedure asks for.</summary>
    public static string Report(ElectionDefinition election, string engine, string deck, IReadOnlyList<DeckTabulation> runs, DateTimeOffset when)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(runs);
        var passed = Passed(runs);
        var text = new StringBuilder();
        text.AppendLine($"# Public test of the tabulating system: {election.Title}, {election.Jurisdiction.County}");
        text.AppendLine();
        text.AppendLine($"- Election: {election.Id}, hash {election.Hash.Hex}");
        text.AppendLine($"- Engine: {engine}");
        text.AppendLine($"- Test deck: {deck} ({runs[0].Sheets} sheets; declared totals in declared-totals.md)");
        text.AppendLine($"- Tested: {when:yyyy-MM-dd HH:mm} UTC, {runs.Count} tabulations, each into a fresh store");
        text.AppendLine();
        text.AppendLine("| tabulation | sheets counted | rejected | held for the board | differences from the declared totals | same as the first |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in runs)
        {
            text.AppendLine($"| {r.Run} | {r.Counted} of {r.Sheets} | {r.Rejected} | {r.BoardItems} | {r.Differences.Count} | {(r.Fingerprint == runs[0].Fingerprint ? "yes" : "NO")} |");
        }

        foreach (var r in runs.Where(r => r.Differences.Count > 0))
        {
            text.AppendLine();
            text.AppendLine($"Tabulation {r.Run} differs from the declared totals:");
            foreach (var d in r.Differences)
            {
                text.AppendLine($"- {d}");
            }
        }

        text.AppendLine();
        text.AppendLine(passed
            ? "Result: PASS. Every tabulation gave exactly the declared totals, caught every overvoted ballot, and agreed completely with the first (ARM 44.3.1704(2)(b)-(d))."
            : "Result: FAIL. The system must not be used for the count until the cause is found and the test passes (ARM 44.3.1704(2)(b)-(d), 44.3.1714).");
        text.AppendLine();
        text.AppendLine("Election administrator: ______________________  Date: __________");
        text.AppendLine();
        text.AppendLine("Witness: ______________________  Witness: ______________________");
        return text.ToString();
    }

    public static bool Passed(IReadOnlyList<DeckTabulation> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.Count > 0 && runs.All(r => r.Differences.Count == 0 && r.Fingerprint == runs[0].Fingerprint);
    }
}
