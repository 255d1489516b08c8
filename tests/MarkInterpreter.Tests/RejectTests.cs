using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Samples;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>Pages that must not be read are refused with the right reason.</summary>
public sealed class RejectTests : IDisposable
{
    private static readonly ElectionDefinition General = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
    private readonly PixelMemoryPool _pool = new();

    [Fact]
    public void Blank_paper_is_not_a_ballot()
    {
        using var blank = PixelImage.Create(1700, 2800, PixelLayout.Gray8, _pool, 250);
        Assert.Equal(RejectReason.NotABallot, new PageRegistrar(General).Register(blank).Reject!.Reason);
    }

    [Fact]
    public void A_letter_or_envelope_is_not_a_ballot()
    {
        using var letter = PixelImage.Create(1700, 2200, PixelLayout.Gray8, _pool, 245);
        var canvas = new Canvas(letter);
        for (var line = 0; line < 30; line++)
        {
            canvas.Text("Dear voter, please return your ballot by 8 pm on election day.", new PointF(150, 300 + (line * 50)), HersheyFont.Simplex, 0.9, PixelColor.Black, 2);
        }

        canvas.FillRectangle(new PixelRect(1350, 120, 220, 260), PixelColor.Gray(90));
        Assert.Equal(RejectReason.NotABallot, new PageRegistrar(General).Register(letter).Reject!.Reason);
    }

    [Fact]
    public void Another_elections_ballot_is_refused_as_wrong_election()
    {
        var other = General with { Hash = ElectionHash.Of("a different definition"u8) };
        using var page = new BallotRenderer(other, _pool).Render(General.BallotStyles[0], 1, PageSide.Front, new RenderOptions());
        var reject = new PageRegistrar(General).Register(page).Reject!;
        Assert.Equal(RejectReason.WrongElection, reject.Reason);
        Assert.Contains(General.Hash.Prefix, reject.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, RejectReason.TestBallotInLiveCount)]
    [InlineData(false, true, RejectReason.LiveBallotInTestCount)]
    public void Test_and_live_ballots_are_told_apart(bool testBallot, bool testCount, RejectReason expected)
    {
        using var page = new BallotRenderer(General, _pool).Render(General.BallotStyles[1], 1, PageSide.Back, new RenderOptions(TestBallot: testBallot));
        var registrar = new PageRegistrar(General, RegistrationSettings.Default with { TestCount = testCount });
        Assert.Equal(expected, registrar.Register(page).Reject!.Reason);
        var matching = new PageRegistrar(General, RegistrationSettings.Default with { TestCount = testBallot });
        Assert.True(matching.Register(page).IsRead);
    }

    [Fact]
    public void A_style_the_election_does_not_have_is_an_unknown_style()
    {
        var renamed = General with { BallotStyles = [.. General.BallotStyles.Select(s => s with { Id = s.Id + "-old" })] };
        using var page = new BallotRenderer(renamed, _pool).Render(renamed.BallotStyles[0], 1, PageSide.Front, new RenderOptions());
        Assert.Equal(RejectReason.UnknownStyle, new PageRegistrar(General).Register(page).Reject!.Reason);
    }

    [Fact]
    public void Sides_of_different_sheets_are_a_mismatch_and_swapped_sides_are_put_right()
    {
        var renderer = new BallotRenderer(General, _pool);
        var registrar = new PageRegistrar(General);
        using var front = renderer.Render(General.BallotStyles[0], 1, PageSide.Front, new RenderOptions());
        using var back = renderer.Render(General.BallotStyles[0], 1, PageSide.Back, new RenderOptions());
        using var otherBack = renderer.Render(General.BallotStyles[1], 1, PageSide.Back, new RenderOptions());
        var f = new SheetPage("a-front.png", registrar.Register(front));
        var b = new SheetPage("a-back.png", registrar.Register(back));
        var ok = SheetAssembler.Assemble(b, f);
        Assert.True(ok.IsRead);
        Assert.True(ok.Swapped);
        Assert.Equal(PageSide.Front, ok.Pages[0].Registration.Identity!.Side);
        var mismatch = SheetAssembler.Assemble(f, new SheetPage("b-back.png", registrar.Register(otherBack)));
        Assert.Equal(RejectReason.SheetMismatch, mismatch.Reject!.Reason);
        var twoFronts = SheetAssembler.Assemble(f, f);
        Assert.Equal(RejectReason.SheetMismatch, twoFronts.Reject!.Reason);
    }

    [Fact]
    public void A_ballot_of_a_shared_style_names_its_precinct_and_one_the_style_does_not_serve_is_refused()
    {
        // The first style serves two precincts here; a printer that believed it served a third
        // put that one in the code.
        var shared = WithFirstStyleServing(General, "p-01", "p-02");
        var withThird = WithFirstStyleServing(General, "p-01", "p-02", "p-09");
        var misprinted = withThird with { Precincts = [.. withThird.Precincts, new Precinct("p-09", "Precinct 9", [])] };
        var registrar = new PageRegistrar(shared);
        var renderer = new BallotRenderer(shared, _pool);
        var style = shared.BallotStyles[0];
        using var front = renderer.Render(style, 1, PageSide.Front, new RenderOptions(Precinct: "p-02"));
        using var back = renderer.Render(style, 1, PageSide.Back, new RenderOptions(Precinct: "p-02"));
        using var otherBack = renderer.Render(style, 1, PageSide.Back, new RenderOptions(Precinct: "p-01"));
        using var foreign = new BallotRenderer(misprinted, _pool).Render(misprinted.BallotStyles[0], 1, PageSide.Front, new RenderOptions(Precinct: "p-09"));
        var f = new SheetPage("a-front.png", registrar.Register(front));
        Assert.Equal("p-02", f.Registration.Identity!.PrecinctId);
        Assert.True(SheetAssembler.Assemble(f, new SheetPage("a-back.png", registrar.Register(back))).IsRead);
        var mismatch = SheetAssembler.Assemble(f, new SheetPage("b-back.png", registrar.Register(otherBack)));
        Assert.Equal(RejectReason.SheetMismatch, mismatch.Reject!.Reason);
        Assert.Contains("precinct p-01", mismatch.Reject.Detail, StringComparison.Ordinal);
        var reject = registrar.Register(foreign).Reject!;
        Assert.Equal(RejectReason.UnknownStyle, reject.Reason);
        Assert.Contains("p-09", reject.Detail, StringComparison.Ordinal);
        // A style of one precinct prints no precinct in its code: its ballots stay as they were.
        using var single = new BallotRenderer(General, _pool).Render(General.BallotStyles[0], 1, PageSide.Front, new RenderOptions(Precinct: General.BallotStyles[0].PrecinctIds[0]));
        Assert.Null(new PageRegistrar(General).Register(single).Identity!.PrecinctId);
        Assert.Throws<ArgumentException>(() => renderer.Render(style, 1, PageSide.Front, new RenderOptions(Precinct: "p-04")));
    }

    private static ElectionDefinition WithFirstStyleServing(ElectionDefinition election, params string[] precincts) =>
        election with { BallotStyles = [election.BallotStyles[0] with { PrecinctIds = precincts }, .. election.BallotStyles.Skip(1)] };

    [Fact]
    public void A_streak_outside_the_ovals_is_reported_but_not_rejected_and_one_through_them_is()
    {
        var style = General.BallotStyles[0];
        using var page = new BallotRenderer(General, _pool).Render(style, 1, PageSide.Front, new RenderOptions());
        var canvas = new Canvas(page);
        canvas.FillRectangle(new PixelRect(1000, 0, 2, page.Height), PixelColor.Gray(30));
        var clear = new PageRegistrar(General).Register(page);
        var bubbleX = (int)new TemplateGeometry(General.PageFormat(style.PageFormatId), 200).Pixel(style.Page(1, PageSide.Front).Positions[0].Center).X;
        Assert.True(clear.IsRead, clear.Reject?.ToString());
        Assert.Contains(clear.StreakColumns, x => Math.Abs(x - 1000) <= 1);
        canvas.FillRectangle(new PixelRect(bubbleX, 0, 2, page.Height), PixelColor.Gray(30));
        Assert.Equal(RejectReason.StreakThroughPositions, new PageRegistrar(General).Register(page).Reject!.Reason);
    }

    [Fact]
    public void Streaks_on_three_sheets_in_a_row_fault_the_station()
    {
        var watch = new StreakWatch("station 2");
        Assert.Null(watch.Record(true));
        Assert.Null(watch.Record(true));
        Assert.Null(watch.Record(false));
        Assert.Null(watch.Record(true));
        Assert.Null(watch.Record(true));
        Assert.Contains("halt the station", watch.Record(true), StringComparison.Ordinal);
        Assert.True(watch.Faulted);
    }

    public void Dispose() => _pool.Dispose();
}
