using CentralCount.Election.Layout;
using CentralCount.Election.VxSuite;
using CentralCount.Tests;

namespace CentralCount.Election.Tests;

public sealed class VxSuiteImportTests
{
    [Fact]
    public void Hudson_election_imports_with_every_grid_position()
    {
        var path = TestPaths.Hudson("election.json");
        var election = VxSuiteImporter.ImportFile(path);
        Assert.Equal("NH", election.Jurisdiction.State);
        Assert.Equal("Hudson", election.Jurisdiction.County);
        Assert.Equal(new DateOnly(2020, 11, 3), election.Date);
        Assert.Equal(13, election.Contests.Count);
        var style = Assert.Single(election.BallotStyles);
        Assert.Equal("card-number-54", style.Id);
        var format = election.PageFormat(style.PageFormatId);
        Assert.Equal((8.5, 14.0), (format.WidthInches, format.HeightInches));
        Assert.Equal((34, 53), (format.Grid.Columns, format.Grid.Rows));
        Assert.Equal(IdentityKind.FromLayout, format.Identity);
        var front = style.Page(1, PageSide.Front).Positions;
        var back = style.Page(1, PageSide.Back).Positions;
        Assert.Equal(75, front.Count + back.Count);
        Assert.Equal(23, front.Concat(back).Count(p => p.IsWriteIn));
        Assert.All(front.Concat(back).Where(p => p.IsWriteIn), p => Assert.NotNull(p.WriteInArea));
        var reps = Assert.IsType<CandidateContest>(election.Contest("State-Representatives-7d3a8821"));
        Assert.Equal(11, reps.VoteFor);
        Assert.Equal(11, reps.WriteInSlots);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), election.Hash.Hex);
    }

    [Fact]
    public void A_file_without_grid_layouts_is_refused_with_its_path()
    {
        var error = Assert.Throws<Loading.ElectionDefinitionException>(() => VxSuiteImporter.Import("{\"title\":\"x\"}"u8, "vx.json"));
        Assert.Equal("$.gridLayouts", Assert.Single(error.Problems).Path);
    }
}
