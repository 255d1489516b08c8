using CentralCount.Election.Rules;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using FsCheck;
using FsCheck.Fluent;
using static CentralCount.MarkInterpreter.Interpretation.MeasureBubbleEvidence;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>An oval read only between each row's crossings of its circles gives what reading every pixel of its window gives.</summary>
public sealed class OvalEvidenceTests : IDisposable
{
    private readonly PixelMemoryPool _pool = new();

    [Fact]
    public void Reading_between_the_crossings_gives_what_reading_every_pixel_gives() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var (agrees, detail) = Agrees(seed);
            return agrees.Label(detail);
        }).QuickCheckThrowOnFailure();

    // Seeds the property once found failing, read again every run.
    [Theory]
    [InlineData(633239344)] // an oval wholly left of the image
    public void Cases_once_found_failing_agree(int seed)
    {
        var (agrees, detail) = Agrees(seed);
        Assert.True(agrees, detail);
    }

    public void Dispose() => _pool.Dispose();

    private (bool Agrees, string Detail) Agrees(int seed)
    {
        var random = new Random(seed);
        using var image = Scribbled(random);
        // Any scale a scanner gives, skewed, stretched and sheared within specification, and
        // centred anywhere from well inside the image to past its edges.
        var dpi = 150 + (random.NextDouble() * 150);
        var angle = ((random.NextDouble() * 10) - 5) * Math.PI / 180;
        var (sx, sy, shear) = (1 + ((random.NextDouble() * 0.04) - 0.02), 1 + ((random.NextDouble() * 0.04) - 0.02), (random.NextDouble() * 0.02) - 0.01);
        var frame = new PositionFrame(
            new PointF((random.NextDouble() * 200) - 20, (random.NextDouble() * 180) - 20),
            new PointF(dpi * sx * Math.Cos(angle), dpi * sx * Math.Sin(angle)),
            new PointF((-dpi * sy * Math.Sin(angle)) + (shear * dpi), dpi * sy * Math.Cos(angle)));
        var (rx, ry) = (0.05 + (random.NextDouble() * 0.07), 0.03 + (random.NextDouble() * 0.05));
        var paper = 200 + random.Next(56);
        var spans = Oval(image, frame, rx, ry, paper, MarkThresholds.Default);
        var every = EveryPixel(image, frame, rx, ry, paper, MarkThresholds.Default);
        return (spans == every, $"seed {seed}: {spans} between the crossings, {every} from every pixel");
    }

    // Paper with grain, and strokes and blots of every darkness.
    private PixelImage Scribbled(Random random)
    {
        var image = PixelImage.Create(160, 140, PixelLayout.Gray8, _pool);
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < row.Length; x++)
            {
                row[x] = (byte)(190 + random.Next(66));
            }
        }

        for (var blot = random.Next(12); blot > 0; blot--)
        {
            var (bx, by, w, h, grey) = (random.Next(160), random.Next(140), 1 + random.Next(40), 1 + random.Next(40), (byte)random.Next(180));
            for (var y = by; y < Math.Min(image.Height, by + h); y++)
            {
                image.Row(y).Slice(bx, Math.Min(w, image.Width - bx)).Fill(grey);
            }
        }

        return image;
    }

    // Every pixel of the ring's window, classified one by one in the same arithmetic.
    private static (double, double, double, double, int) EveryPixel(PixelImage image, PositionFrame frame, double rx, double ry, int paper, MarkThresholds t)
    {
        var (x0, y0, x1, y1) = RingWindow(image, frame, rx, ry);
        var (irx, iry) = (1 / rx, 1 / ry);
        var (ox, oy) = frame.ToInches(0, 0);
        var (ax, ay) = frame.ToInches(1, 0);
        var (ux, vx) = ((ax - ox) * irx, (ay - oy) * iry);
        int inner = 0, inked = 0, smudged = 0;
        long dark = 0;
        var (halfAll, halfInk, sectorAll, sectorInk) = (new int[4], new int[4], new int[Sectors], new int[Sectors]);
        for (var y = y0; y <= y1; y++)
        {
            var (rowDx, rowDy) = frame.ToInches(x0, y);
            var (u0, v0) = (rowDx * irx, rowDy * iry);
            for (var step = 0; step <= x1 - x0; step++)
            {
                var (u, v) = (u0 + (step * ux), v0 + (step * vx));
                var r2 = (u * u) + (v * v);
                var g = image.Row(y)[x0 + step];
                if (r2 < InnerRadius * InnerRadius)
                {
                    inner++;
                    dark += Math.Max(0, paper - g);
                    inked += g <= paper - t.InkDarkness ? 1 : 0;
                    smudged += g > paper - t.InkDarkness && g <= paper - t.ResidueDarkness ? 1 : 0;
                    foreach (var half in new[] { u < 0 ? 0 : 1, v < 0 ? 2 : 3 })
                    {
                        halfAll[half]++;
                        halfInk[half] += g <= paper - t.ResidueDarkness ? 1 : 0;
                    }
                }
                else if (((x0 + step + y) & 1) == 0 && r2 > CrossingInner * CrossingInner && r2 < CrossingOuter * CrossingOuter)
                {
                    var sector = Sector(u, v);
                    sectorAll[sector]++;
                    sectorInk[sector] += g <= paper - t.InkDarkness ? 1 : 0;
                }
            }
        }

        return Summarise(inner, inked, smudged, dark, halfAll, halfInk, sectorAll, sectorInk);
    }
}
