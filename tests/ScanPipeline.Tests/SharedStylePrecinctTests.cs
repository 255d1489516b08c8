using CentralCount.Election;
using CentralCount.Election.Loading;
using CentralCount.Imaging;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Samples;

namespace CentralCount.ScanPipeline.Tests;

/// <summary>Sheets of a ballot style that several precincts share are recorded in the precinct their ballot was printed for.</summary>
public sealed class SharedStylePrecinctTests : IDisposable
{
    private readonly PixelMemoryPool _pool = new();

    [Fact]
    public async Task Each_sheet_of_a_shared_style_is_recorded_in_the_precinct_its_ballot_names()
    {
        using var corpus = BatchCorpus.For(SharedStyleGeneral(), 16, 12);
        using var store = corpus.NewStore();
        var result = await corpus.ScanAsync(store, corpus.Folder, "b1", _pool);
        Assert.Equal(corpus.ReadableSheets, result.Counted);

        var truth = corpus.Manifest.Sheets.ToDictionary(s => s.Id, s => s.PrecinctId ?? corpus.Election.FindStyle(s.StyleId)!.PrecinctIds.Single());
        var recorded = store.CountedSheets().ToList();
        Assert.Equal(corpus.Manifest.Sheets.Count, recorded.Count);
        Assert.All(recorded, sheet => Assert.Equal(truth[sheet.FrontFile.Split('-')[0]], sheet.PrecinctId));
        Assert.Contains(recorded, s => s.StyleId == "style-p-01" && s.PrecinctId == "p-01");
        Assert.Contains(recorded, s => s.StyleId == "style-p-01" && s.PrecinctId == "p-02");
    }

    // The sample general election with precincts 1 and 2 in the same districts, so that one
    // ballot style serves both; written and read back as a county's file would be.
    private static ElectionDefinition SharedStyleGeneral()
    {
        var general = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
        var first = general.Precincts.Single(p => p.Id == "p-01");
        var dropped = general.Precincts.Single(p => p.Id == "p-02").DistrictIds.Except(first.DistrictIds).ToHashSet();
        var shared = general with
        {
            Precincts = [.. general.Precincts.Select(p => p.Id == "p-02" ? p with { DistrictIds = first.DistrictIds } : p)],
            Contests = [.. general.Contests.Where(c => !dropped.Contains(c.DistrictId))],
            BallotStyles = [.. general.BallotStyles.Where(s => !s.PrecinctIds.Contains("p-02")).Select(s => s.PrecinctIds.Contains("p-01") ? s with { PrecinctIds = ["p-01", "p-02"] } : s)],
        };
        return ElectionFiles.Read(ElectionWriter.Write(shared), "shared-style.json");
    }

    public void Dispose() => _pool.Dispose();
}
