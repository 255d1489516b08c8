using CentralCount.Election;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Samples;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.Tabulation.Tests;

/// <summary>Tallies add up: every recorded ballot lands in exactly one place, and no contest gets more votes than its ballots allow.</summary>
public sealed class TallyContestsTests
{
    private static readonly ElectionDefinition General = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
    private static readonly string[] Batches = ["b1", "b2"];

    [Fact]
    public void Every_ballot_is_counted_once_as_votes_undervote_overvote_or_waiting()
    {
        var contest = General.Contests.OfType<CandidateContest>().First(c => c.Seats == 2);
        var options = contest.Candidates.Select(c => c.Id).ToArray();
        var outcome = Gen.Elements("counted", "undervote", "overvote", "board");
        var row = from o in outcome
                  from n in Gen.Choose(1, contest.Seats)
                  from picks in Gen.ArrayOf(Gen.Elements(options), n)
                  from batch in Gen.Elements(Batches)
                  select new RecordedContest(batch, "style-p-01", "p-01", contest.Id, o, o == "counted" ? [.. picks.Distinct()] : []);
        Prop.ForAll(Arb.From(Gen.ListOf(row)), rows =>
        {
            var all = TallyContests.From(General, rows).Single(t => t.ContestId == contest.Id);
            var counted = rows.Count(r => r.Outcome == "counted");
            var votes = all.Options.Sum(o => o.Votes) + all.WriteIns;
            var perBatch = Batches.Select(b => TallyContests.From(General, rows, r => r.BatchId == b).Single(t => t.ContestId == contest.Id)).ToList();
            return (all.Ballots == rows.Count).Label("ballots")
                .And((all.Undervotes + all.Overvotes + all.PendingBoard + counted == all.Ballots).Label("each ballot once"))
                .And((votes == rows.Where(r => r.Outcome == "counted").Sum(r => r.Votes.Count)).Label("votes"))
                .And((votes <= contest.Seats * counted).Label("no more votes than seats"))
                .And((perBatch.Sum(t => t.Ballots) == all.Ballots && perBatch.Sum(t => t.Options.Sum(o => o.Votes)) == all.Options.Sum(o => o.Votes)).Label("batches add up"))
                .And((all.Unofficial == (all.PendingBoard > 0)).Label("unofficial while waiting"));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Declared_write_in_votes_count_under_the_candidate_and_unmatched_ones_apart()
    {
        var contest = General.Contests.OfType<CandidateContest>().First(c => c.DeclaredWriteIns.Count > 0);
        var declared = contest.DeclaredWriteIns[0].Id;
        RecordedContest[] rows =
        [
            new("b1", null, null, contest.Id, "counted", [declared]),
            new("b1", null, null, contest.Id, "counted", ["write-in:0"]),
            new("b1", null, null, contest.Id, "board", []),
        ];
        var tally = TallyContests.From(General, rows).Single(t => t.ContestId == contest.Id);
        Assert.Equal(1, tally.Options.Single(o => o.OptionId == declared).Votes);
        Assert.Equal(1, tally.WriteIns);
        Assert.Equal(1, tally.PendingBoard);
        Assert.True(tally.Unofficial);
    }
}
