using CentralCount.TestDeck.Corpus;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Samples;
using CentralCount.TestDeck.Scanning;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>The marks followed from the corner give the border the whole-edge search gives, even when the corner marks themselves are gone.</summary>
public sealed class TimingMarkFollowerTests : IDisposable
{
    private static readonly ElectionDefinition General = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
    private readonly PixelMemoryPool _pool = new();

    [Fact]
    public void Following_the_marks_finds_the_border_the_strip_search_finds()
    {
        var renderer = new BallotRenderer(General, _pool);
        using var page = renderer.Render(General.BallotStyles[1], 1, PageSide.Back, new RenderOptions());
        var simulator = new ScannerSimulator(_pool);
        var decoder = new ImageDecoder(_pool);
        var format = General.PageFormats[0];
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            var settings = ScanSampler.GeometryWithinSpecification(random);
            using var image = decoder.DecodeGray(simulator.Scan(page, settings, random).Bytes, "distorted.png");
            var followed = TimingMarkFinder.FollowFromCorner(image, format, RegistrationSettings.Default);
            if (followed?.Border is not { } border || followed.Reject is not null)
            {
                return false.Label($"not followed under {settings}: {followed?.Reject}");
            }

            var strips = TimingMarkFinder.SearchStrips(image, format, RegistrationSettings.Default).Border!;
            var pairs = new[] { (border.TopLeft, strips.TopLeft), (border.TopRight, strips.TopRight), (border.BottomLeft, strips.BottomLeft), (border.BottomRight, strips.BottomRight) };
            var worst = pairs.Max(p => Distance(p.Item1, p.Item2));
            return (worst <= 0.25).Label($"corners {worst:F2} px apart under {settings}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(12));
    }

    [Fact]
    public void A_page_whose_corner_marks_are_gone_is_still_read_within_tolerance()
    {
        var renderer = new BallotRenderer(General, _pool);
        var style = General.BallotStyles[0];
        using var page = renderer.Render(style, 1, PageSide.Front, new RenderOptions());
        var settings = new ScanSettings { SkewDegrees = 2.0, Noise = 3 };
        var scan = new ScannerSimulator(_pool).Scan(page, settings, new Random(7));
        using var image = new ImageDecoder(_pool).DecodeGray(scan.Bytes, "page.png");
        // Paper over the first three marks of the top row and of the left column, the most a
        // sheet within specification may miss in a row: the border starts where its lines cross.
        var corner = scan.Warp.Forward(renderer.Geometry(style, 200).Pixel(new GridPoint(0, 0)));
        var whiteout = (int)(0.75 * 200);
        new Canvas(image).FillRectangle(new PixelRect((int)corner.X - 25, (int)corner.Y - 15, whiteout, whiteout), PixelColor.White);

        var registration = new PageRegistrar(General).Register(image);

        Assert.True(registration.IsRead, $"{registration.Reject}");
        var geometry = renderer.Geometry(style, 200);
        foreach (var located in registration.Positions!)
        {
            var truth = scan.Warp.Forward(geometry.Pixel(located.Position.Center));
            Assert.True(Distance(located.Center, truth) <= 1.5, $"{located.Position} is {Distance(located.Center, truth):F2} px off");
        }
    }

    public void Dispose() => _pool.Dispose();

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
