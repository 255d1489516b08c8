using CentralCount.Election;
using CentralCount.TestDeck.Scanning;

namespace CentralCount.TestDeck.Corpus;

/// <summary>The totals a test deck declares for one contest: votes per option, overvoted and blank ballots.</summary>
public sealed record DeclaredContest(string ContestId, IReadOnlyDictionary<string, int> Votes, int Overvotes, int Undervotes);

/// <summary>A test deck: the sheets to print and the totals they must tabulate to (ARM 44.3.1704(2)(b)-(d)).</summary>
public sealed record TestDeckPlan(CorpusOptions Options, IReadOnlyList<DeclaredContest> Declared, int Ballots);

/// <summary>
/// Builds a test deck with a different, known number of votes for every option: in each
/// contest the k-th option gets k + 1 votes, so swapped or shifted positions show up as wrong
/// totals. Each style also gets one ballot overvoted in every contest (which must be caught)
/// and one blank ballot (a contest that cannot be overvoted is left blank there). Test ballots only: their identity code says test.
/// </summary>
public static class TestDeckPlanner
{
    public static TestDeckPlan Plan(ElectionDefinition election, int seed)
    {
        ArgumentNullException.ThrowIfNull(election);
        var directives = new Dictionary<int, SheetDirective>();
        var votes = new Dictionary<string, Dictionary<string, int>>();
        var overvotes = new Dictionary<string, int>();
        var undervotes = new Dictionary<string, int>();
        var ballots = 0;
        foreach (var style in election.BallotStyles)
        {
            var contests = style.ContestIds.Select(election.Contest).ToList();
            var rows = contests.Select(c => c.OptionIds.Count * (c.OptionIds.Count + 1) / 2).DefaultIfEmpty(0).Max();
            var cards = new List<Dictionary<string, IReadOnlyList<string>>>();
            for (var row = 0; row < rows; row++)
            {
                cards.Add(contests.ToDictionary(c => c.Id, c => (IReadOnlyList<string>)Choice(c, row)));
            }

            // A contest with no more options than votes allowed cannot be overvoted: it stays blank.
            cards.Add(contests.ToDictionary(c => c.Id, c => c.OptionIds.Count > c.VoteFor ? (IReadOnlyList<string>)[.. c.OptionIds.Take(c.VoteFor + 1)] : []));
            cards.Add(contests.ToDictionary(c => c.Id, _ => (IReadOnlyList<string>)[]));
            foreach (var card in cards)
            {
                ballots++;
                foreach (var contest in contests)
                {
                    var chosen = card[contest.Id];
                    if (chosen.Count == 0)
                    {
                        undervotes[contest.Id] = undervotes.GetValueOrDefault(contest.Id) + 1;
                    }
                    else if (chosen.Count > contest.VoteFor)
                    {
                        overvotes[contest.Id] = overvotes.GetValueOrDefault(contest.Id) + 1;
                    }
                    else
                    {
                        var tally = votes.TryGetValue(contest.Id, out var t) ? t : votes[contest.Id] = [];
                        chosen.ToList().ForEach(o => tally[o] = tally.GetValueOrDefault(o) + 1);
                    }
                }

                for (var sheet = 1; sheet <= style.Sheets.Count; sheet++)
                {
                    var onSheet = style.Page(sheet, Election.Layout.PageSide.Front).ContestBoxes.Concat(style.Page(sheet, Election.Layout.PageSide.Back).ContestBoxes)
                        .Select(b => b.ContestId).ToHashSet();
                    directives[directives.Count] = new SheetDirective(style.Id, sheet, Gentle, ExpectedReject.None, false, [],
                        card.Where(kv => onSheet.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value));
                }
            }
        }

        var declared = election.Contests.Where(c => votes.ContainsKey(c.Id) || overvotes.ContainsKey(c.Id) || undervotes.ContainsKey(c.Id))
            .Select(c => new DeclaredContest(c.Id,
                c.OptionIds.ToDictionary(o => o, o => votes.GetValueOrDefault(c.Id)?.GetValueOrDefault(o) ?? 0),
                overvotes.GetValueOrDefault(c.Id), undervotes.GetValueOrDefault(c.Id)))
            .ToList();
        return new TestDeckPlan(new CorpusOptions(directives.Count, seed, TestBallots: true, Directives: directives), declared, ballots);
    }

    // Row r of the k-th option's block: option k is chosen on k + 1 consecutive rows.
    private static List<string> Choice(Contest contest, int row)
    {
        var start = 0;
        for (var k = 0; k < contest.OptionIds.Count; k++)
        {
            if (row < start + k + 1)
            {
                return [contest.OptionIds[k]];
            }

            start += k + 1;
        }

        return [];
    }

    // Test decks go through a scanner in good order: small skew, no damage.
    private static ScanSettings Gentle(ScanSettings s) => s with
    {
        SkewDegrees = Math.Clamp(s.SkewDegrees, -1.5, 1.5),
        MissingMarks = [],
        Folds = [],
        Format = s.Format == ScanFormat.TiffG4 ? ScanFormat.Jpeg : s.Format,
    };
}
