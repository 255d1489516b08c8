using CentralCount.Imaging;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Scanning;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.TestDeck.Tests;

public sealed class PageWarpTests
{
    [Fact]
    public void Inverse_undoes_forward_for_random_in_specification_warps()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            var settings = ScanSampler.GeometryWithinSpecification(random) with { BorderPx = random.Next(0, 60) };
            var warp = new PageWarp(1700, 2800, settings);
            var p = new PointF(random.NextDouble() * 1700, random.NextDouble() * 2800);
            var back = warp.Inverse(warp.Forward(p));
            return Math.Abs(back.X - p.X) < 1e-3 && Math.Abs(back.Y - p.Y) < 1e-3;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(3.0, 1.01, false, 0.0)]
    [InlineData(-4.5, 0.985, true, 0.0)]
    [InlineData(2.0, 1.0, true, 0.007)]
    public void Resampling_moves_a_dot_to_where_forward_says(double skew, double scale, bool upsideDown, double stretch)
    {
        using var pool = new PixelMemoryPool();
        using var page = PixelImage.Create(850, 1400, PixelLayout.Gray8, pool, 255);
        var dot = new PointF(200, 1000);
        new Canvas(page).Ellipse(dot, 6, 6, PixelColor.Black, -1);
        var settings = new ScanSettings { SkewDegrees = skew, Scale = scale, UpsideDown = upsideDown, FeedStretch = stretch, ShiftXPx = 7, BorderPx = 20, Format = ScanFormat.Png, Noise = 0 };
        var scan = new ScannerSimulator(pool).Scan(page, settings, new Random(1));
        using var image = new ImageDecoder(pool).DecodeGray(scan.Bytes, "scan.png");
        var blob = DarkComponents.FindAll(image, PixelRect.Of(image), 128).Single(c => c.Area > 50);
        var expected = scan.Warp.Forward(dot);
        Assert.InRange(blob.CenterX, expected.X - 0.3, expected.X + 0.3);
        Assert.InRange(blob.CenterY, expected.Y - 0.3, expected.Y + 0.3);
    }
}
