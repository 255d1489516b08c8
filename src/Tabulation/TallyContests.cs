using CentralCount.Election;

namespace CentralCount.Tabulation;

/// <summary>
/// Adds up recorded contests. Undervotes and overvotes are counted in ballots (a contest left
/// blank, a contest overvoted); a contest on the board counts nowhere until decided,
/// and one the board found not valid counts only as such.
/// </summary>
public static class TallyContests
{
    public static IReadOnlyList<ContestTally> From(ElectionDefinition election, IEnumerable<RecordedContest> contests, Func<RecordedContest, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(contests);
        var byContest = election.Contests.ToDictionary(c => c.Id, _ => (Ballots: 0, Under: 0, Over: 0, NotValid: 0, Board: 0, WriteIns: 0, Votes: new Dictionary<string, int>(StringComparer.Ordinal)), StringComparer.Ordinal);
        foreach (var r in contests)
        {
            if (include is not null && !include(r) || !byContest.TryGetValue(r.ContestId, out var t))
            {
                continue;
            }

            t.Ballots++;
            switch (r.Outcome)
            {
                case "undervote": t.Under++; break;
                case "overvote": t.Over++; break;
                case "board": t.Board++; break;
                case "not-valid": t.NotValid++; break;
                default:
                    foreach (var v in r.Votes)
                    {
                        t.Votes[v] = t.Votes.GetValueOrDefault(v) + 1;
                    }

                    break;
            }

            byContest[r.ContestId] = t;
        }

        return [.. election.Contests.Select(c =>
        {
            var t = byContest[c.Id];
            var printed = c switch
            {
                CandidateContest cc => cc.Candidates.Select(k => (k.Id, k.Name)).Concat(cc.DeclaredWriteIns.Select(d => (d.Id, $"{d.Name} (write-in)"))),
                MeasureContest m => [(m.Yes.Id, m.Yes.Label), (m.No.Id, m.No.Label)],
                _ => [],
            };
            var options = printed.Select(o => (o.Item1, o.Item2, t.Votes.GetValueOrDefault(o.Item1))).ToList();
            var known = options.Select(o => o.Item1).ToHashSet(StringComparer.Ordinal);
            var writeIns = t.Votes.Where(v => !known.Contains(v.Key)).Sum(v => v.Value);
            return new ContestTally(c.Id, c.Title, c.VoteFor, t.Ballots, options, writeIns, t.Under, t.Over, t.NotValid, t.Board);
        })];
    }
}
