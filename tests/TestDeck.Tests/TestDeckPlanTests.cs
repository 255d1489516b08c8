using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Samples;

namespace CentralCount.TestDeck.Tests;

public sealed class TestDeckPlanTests
{
    [Fact]
    public void Every_option_gets_a_distinct_declared_count_and_every_contest_an_overvote_and_a_blank()
    {
        var election = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
        var plan = TestDeckPlanner.Plan(election, 1);
        Assert.Equal(election.Contests.Count, plan.Declared.Count);
        foreach (var contest in plan.Declared)
        {
            var styles = election.BallotStyles.Count(s => s.ContestIds.Contains(contest.ContestId));
            var overvotable = election.Contest(contest.ContestId).OptionIds.Count > election.Contest(contest.ContestId).VoteFor;
            Assert.Equal(overvotable ? styles : 0, contest.Overvotes);
            Assert.True(contest.Undervotes >= styles);
            var counts = contest.Votes.Values.ToList();
            Assert.Equal(counts.Count, counts.Distinct().Count());
            Assert.All(counts, c => Assert.True(c > 0));
        }

        Assert.True(plan.Options.TestBallots);
    }

    [Fact]
    public void Generated_deck_manifest_adds_up_to_the_declared_totals()
    {
        var election = BallotLayoutPlanner.Plan(MontanaSampleElections.PrimaryContent());
        var plan = TestDeckPlanner.Plan(election, 3);
        var dir = Directory.CreateTempSubdirectory("deck");
        try
        {
            using var generator = new GoldenCorpusGenerator(election);
            var manifest = generator.Generate(plan.Options, dir.FullName);
            foreach (var declared in plan.Declared)
            {
                var outcomes = manifest.Sheets.SelectMany(s => s.Contests).Where(c => c.ContestId == declared.ContestId).ToList();
                foreach (var (option, votes) in declared.Votes)
                {
                    Assert.Equal(votes, outcomes.Where(o => o.Outcome == "counted").Count(o => o.Votes.Contains(option)));
                }

                Assert.Equal(declared.Overvotes, outcomes.Count(o => o.SuggestedOutcome == "overvote"));
                Assert.Equal(declared.Undervotes, outcomes.Count(o => o.Outcome == "undervote"));
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
