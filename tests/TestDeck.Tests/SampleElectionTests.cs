using CentralCount.Election;
using CentralCount.Election.Loading;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Samples;
using CentralCount.Tests;

namespace CentralCount.TestDeck.Tests;

public sealed class SampleElectionTests
{
    [Fact]
    public void General_sample_has_what_a_montana_general_ballot_needs()
    {
        var election = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
        Assert.Equal(ElectionKind.General, election.Kind);
        Assert.True(election.Precincts.Count >= 4);
        Assert.Equal(2, election.Contests.OfType<MeasureContest>().Count(m => m.Kind == MeasureKind.BallotIssue && m.DistrictId == "state"));
        Assert.Contains(election.Contests, c => c is MeasureContest { Kind: MeasureKind.Retention });
        Assert.Contains(election.Contests, c => c.VoteFor >= 2);
        Assert.Contains(election.Contests, c => c is CandidateContest { WriteInSlots: > 0, DeclaredWriteIns.Count: > 0 });
        Assert.Contains(election.BallotStyles, s => s.Sheets.Count == 2);
        // Names rotate: the first printed candidate of the Senate race differs between precincts.
        var firsts = election.BallotStyles.Select(s => s.Pages().SelectMany(p => p.Page.Positions).First(p => p.ContestId == "us-senate").OptionId).Distinct();
        Assert.True(firsts.Count() >= 3);
    }

    [Fact]
    public void Primary_sample_has_one_style_per_party()
    {
        var election = BallotLayoutPlanner.Plan(MontanaSampleElections.PrimaryContent());
        Assert.Equal(ElectionKind.Primary, election.Kind);
        Assert.Equal(election.Parties.Select(p => p.Id).Order(), election.BallotStyles.Select(s => s.PartyId!).Order());
    }

    [Theory]
    [InlineData("montana-general-2026.json", true)]
    [InlineData("montana-primary-2026.json", false)]
    public void Shipped_sample_files_are_what_the_planner_produces(string file, bool general)
    {
        var planned = BallotLayoutPlanner.Plan(general ? MontanaSampleElections.GeneralContent() : MontanaSampleElections.PrimaryContent());
        var shipped = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "samples", file));
        Assert.Equal(ElectionWriter.Write(planned), shipped);
        Assert.Equal(planned.Hash, ElectionLoader.Load(shipped, file).Hash);
    }
}
