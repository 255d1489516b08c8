using CentralCount.Election;
using CentralCount.Tabulation;
using CentralCount.TestDeck.Corpus;

namespace CentralCount.Cli.Verification;

/// <summary>
/// Compares the store's tallies with what a corpus manifest says they must be: for every
/// readable sheet, clean contests add their votes or an undervote, and rejected sheets add
/// nothing. Board items are counted apart: a contest the machine held for the board counts as
/// waiting on both sides (the board will settle it), so what is compared is every vote the
/// machine counted; a questionable contest the machine settled shows up as a difference.
/// </summary>
public static class TallyVerifier
{
    /// <summary>The tallies the manifest implies, with the contests the machine held for the board (by sheet file and contest) counted as waiting.</summary>
    public static IReadOnlyList<ContestTally> Expected(ElectionDefinition election, string corpusDirectory, string batchId, IReadOnlySet<(string File, string ContestId)> heldForBoard)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(heldForBoard);
        var manifest = CorpusManifest.Read(corpusDirectory);
        var rows = manifest.Sheets.Where(s => s.ExpectedReject == "none").SelectMany(s => s.Contests.Select(c =>
            s.Pages.Any(p => heldForBoard.Contains((p.File, c.ContestId)))
                ? new RecordedContest(batchId, s.StyleId, null, c.ContestId, "board", [])
                : new RecordedContest(batchId, s.StyleId, null, c.ContestId, c.Outcome, c.Votes)));
        return TallyContests.From(election, rows);
    }

    /// <summary>Every difference between two sets of tallies, as sentences; empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<ContestTally> expected, IReadOnlyList<ContestTally> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var found = new List<string>();
        foreach (var e in expected)
        {
            var a = actual.Single(t => t.ContestId == e.ContestId);
            void Check(string what, int want, int got)
            {
                if (want != got)
                {
                    found.Add($"{e.ContestId} {what}: expected {want}, tallied {got}");
                }
            }

            Check("ballots", e.Ballots, a.Ballots);
            Check("undervotes", e.Undervotes, a.Undervotes);
            Check("overvotes", e.Overvotes, a.Overvotes);
            Check("waiting on the board", e.PendingBoard, a.PendingBoard);
            Check("write-ins", e.WriteIns, a.WriteIns);
            foreach (var (id, _, votes) in e.Options)
            {
                Check(id, votes, a.Options.Single(o => o.OptionId == id).Votes);
            }
        }

        return found;
    }
}
