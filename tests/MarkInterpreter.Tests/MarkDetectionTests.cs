using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Election.Rules;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Samples;
using CentralCount.TestDeck.Scanning;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>VVSG 2.0 1.1.6-H and 1.1.6-I on a rendered page: a 1 mm line across an oval is a mark; a fold is not.</summary>
public sealed class MarkDetectionTests
{
    private static readonly ElectionDefinition General = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());

    [Theory]
    [InlineData(0.0, "black")]
    [InlineData(30.0, "red")]
    [InlineData(-60.0, "pencil")]
    public void A_one_millimetre_line_across_an_oval_is_detected_in_any_colour(double angle, string ink)
    {
        var colour = ink switch { "red" => new PixelColor(170, 28, 36), "pencil" => PixelColor.Gray(95), _ => PixelColor.Gray(25) };
        var (reading, position) = ReadWith((canvas, centre, rx) =>
        {
            var (dx, dy) = (Math.Cos(angle * Math.PI / 180) * rx * 1.6, Math.Sin(angle * Math.PI / 180) * rx * 1.6);
            canvas.Line(new PointF(centre.X - dx, centre.Y - dy), new PointF(centre.X + dx, centre.Y + dy), colour, 8);
        });
        var mark = reading.Pages[0].Positions.Single(p => p.Located.Position == position).Mark;
        Assert.NotEqual(MarkClass.Empty, mark.Class);
        Assert.NotEqual(MarkClass.Filled, mark.Class);
        var contest = reading.Contests.Single(c => c.Contest.Id == position.ContestId);
        Assert.Equal(OutcomeKind.Board, contest.Outcome.Kind);
    }

    [Fact]
    public void A_fold_across_the_page_marks_nothing()
    {
        var (reading, _) = ReadWith((_, _, _) => { }, new ScanSettings { Format = ScanFormat.Jpeg, Folds = [0.3, 0.45, 0.6], Noise = 3 });
        Assert.All(reading.Pages[0].Positions, p => Assert.True(p.Mark.Class == MarkClass.Empty, $"{p.Located.Position}: {p.Mark.Class}"));
    }

    private static (SheetInterpretation Reading, VotingPosition Position) ReadWith(Action<Canvas, PointF, double> draw, ScanSettings? settings = null)
    {
        using var pool = new PixelMemoryPool();
        var style = General.BallotStyles[0];
        var renderer = new BallotRenderer(General, pool);
        using var page = renderer.Render(style, 1, PageSide.Front, new RenderOptions());
        var geometry = renderer.Geometry(style, 200);
        var position = style.Page(1, PageSide.Front).Positions[2];
        var rx = General.PageFormats[0].BubbleWidthInches * 200 / 2;
        draw(new Canvas(page), geometry.Pixel(position.Center), rx);
        var scan = new ScannerSimulator(pool).Scan(page, settings ?? new ScanSettings { SkewDegrees = 0.7, Noise = 3, Format = ScanFormat.Jpeg }, new Random(3));
        using var image = new ImageDecoder(pool).DecodeGray(scan.Bytes, "line.jpg");
        var registration = new PageRegistrar(General).Register(image);
        Assert.True(registration.IsRead, registration.Reject?.ToString());
        var interpreter = new InterpretSheet(RenderedBlankPages.References(General));
        return (interpreter.Sheet([interpreter.Page(image, registration)]), position);
    }
}
