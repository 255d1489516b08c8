using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>A voting position as found on the image: where the geometry puts it, and where its printed oval actually is.</summary>
/// <param name="Predicted">The centre the timing-mark geometry gives.</param>
/// <param name="Center">The centre of the printed oval found near it (the prediction when the outline is hidden, by a heavy fill say).</param>
/// <param name="Snapped">True when the centre was moved to the printed outline (its own, or as its neighbours' are).</param>
public sealed record LocatedPosition(VotingPosition Position, PointF Predicted, PointF Center, bool Snapped);

/// <summary>
/// Finds each printed oval within a few pixels of where the geometry predicts it. Printers place
/// ovals with a small tolerance against the timing marks (a few thousandths of an inch, more on
/// some vendors' cards), so the outline of each unmarked oval is matched: the offset whose ring is
/// darkest against a light surround wins. A marked oval's outline is hidden or confused by the
/// mark, so it takes the offset of its nearest unmarked neighbours, which share the printing.
/// </summary>
public static class OvalLocator
{
    private const int Samples = 24;
    private const double MinimumContrast = 60;
    private const double LightInterior = 200;
    private const double OutlineContrast = 40;

    public static IReadOnlyList<LocatedPosition> Locate(PixelImage image, PageGeometry geometry, PageFormat format, PageLayout page)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(page);
        var rx = format.BubbleWidthInches * geometry.PixelsPerInch / 2;
        var ry = format.BubbleHeightInches * geometry.PixelsPerInch / 2;
        var search = (int)Math.Ceiling(0.03 * geometry.PixelsPerInch);
        var gap = 0.015 * geometry.PixelsPerInch;
        Span<double> cos = stackalloc double[Samples];
        Span<double> sin = stackalloc double[Samples];
        for (var k = 0; k < Samples; k++)
        {
            cos[k] = Math.Cos(2 * Math.PI * k / Samples);
            sin[k] = Math.Sin(2 * Math.PI * k / Samples);
        }

        var count = page.Positions.Count;
        var predicted = new PointF[count];
        var offsets = new (double X, double Y)?[count];
        var trusted = new bool[count];
        var outlined = new bool[count];
        for (var i = 0; i < count; i++)
        {
            predicted[i] = geometry.ToPixel(page.Positions[i].Center);
            offsets[i] = Snap(image, predicted[i], rx, ry, gap, search, cos, sin);
            trusted[i] = offsets[i] is { } && Interior(image, predicted[i], rx, ry, cos, sin) >= LightInterior;
            outlined[i] = trusted[i] || (offsets[i] is { } o && OutlineShows(image, predicted[i].X + o.X, predicted[i].Y + o.Y, rx, ry, gap, cos, sin));
        }

        // A marked oval, whose fill or strokes can pull the match off the printed outline, takes
        // the offset its column and row of ovals were printed with (see OffsetModel).
        var grid = page.Positions.Select(p => p.Center).ToList();
        var model = OffsetModel.Fit(grid, offsets, trusted, outlined);
        // Strokes next to an unmarked oval (a ring drawn around it, a blob beside it) can still
        // pull its match: an unmarked oval far from its neighbours' model is not trusted.
        var outliers = 0;
        for (var i = 0; i < count; i++)
        {
            if (trusted[i] && Deviates(model.At(grid[i], search), offsets[i]!.Value))
            {
                (trusted[i], outlined[i]) = (false, false);
                outliers++;
            }
        }

        if (outliers > 0)
        {
            model = OffsetModel.Fit(grid, offsets, trusted, outlined);
        }
        var located = new LocatedPosition[count];
        for (var i = 0; i < count; i++)
        {
            var (dx, dy) = trusted[i] ? offsets[i]!.Value : model.At(grid[i], search);
            located[i] = new LocatedPosition(page.Positions[i], predicted[i], new PointF(predicted[i].X + dx, predicted[i].Y + dy), trusted[i]);
        }

        return located;
    }

    private static bool Deviates((double X, double Y) model, (double X, double Y) own) =>
        Math.Abs(model.X - own.X) > 1.0 || Math.Abs(model.Y - own.Y) > 1.0;

    private static (double X, double Y)? Snap(PixelImage image, PointF p, double rx, double ry, double gap, int search, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin)
    {
        // Coarse, every other pixel with whole-pixel samples; then every pixel around the best
        // with interpolated samples; then a parabola.
        Span<int> ring = stackalloc int[Samples];
        Span<int> outside = stackalloc int[Samples];
        var stride = image.Stride;
        for (var k = 0; k < Samples; k++)
        {
            ring[k] = ((int)Math.Round(ry * sin[k]) * stride) + (int)Math.Round(rx * cos[k]);
            outside[k] = ((int)Math.Round((ry + gap) * sin[k]) * stride) + (int)Math.Round((rx + gap) * cos[k]);
        }

        var (cx0, cy0) = ((int)Math.Round(p.X), (int)Math.Round(p.Y));
        var reach = search + (int)Math.Ceiling(Math.Max(rx, ry)) + 4;
        var (best, bx, by) = (double.MinValue, 0, 0);
        if (cx0 - reach < 0 || cy0 - reach < 0 || cx0 + reach >= image.Width || cy0 + reach >= image.Height)
        {
            for (var dy = -search; dy <= search; dy += 2)
            {
                for (var dx = -search; dx <= search; dx += 2)
                {
                    var score = Contrast(image, p.X + dx, p.Y + dy, rx, ry, gap, cos, sin);
                    if (score > best)
                    {
                        (best, bx, by) = (score, dx, dy);
                    }
                }
            }
        }
        else
        {
            ReadOnlySpan<byte> pixels = image.Pixels;
            for (var dy = -search; dy <= search; dy += 2)
            {
                for (var dx = -search; dx <= search; dx += 2)
                {
                    var at = ((cy0 + dy) * stride) + cx0 + dx;
                    var sum = 0;
                    for (var k = 0; k < Samples; k++)
                    {
                        sum += pixels[at + outside[k]] - pixels[at + ring[k]];
                    }

                    if (sum > best)
                    {
                        (best, bx, by) = (sum, dx, dy);
                    }
                }
            }

        }

        // Every pixel around the coarse best; the parabola through the best and its neighbours
        // reuses these contrasts when the best stays in the middle.
        Span<double> fine = stackalloc double[9];
        var (cx, cy) = (bx, by);
        best = double.MinValue;
        var bestIndex = 4;
        for (var j = 0; j < 9; j++)
        {
            var (dx, dy) = (cx + (j % 3) - 1, cy + (j / 3) - 1);
            fine[j] = Contrast(image, p.X + dx, p.Y + dy, rx, ry, gap, cos, sin);
            if (fine[j] > best || (j == 4 && fine[j] >= best))
            {
                (best, bx, by, bestIndex) = (fine[j], dx, dy, j);
            }
        }

        if (best < MinimumContrast)
        {
            return null;
        }

        var fx = bestIndex == 4
            ? Parabola(fine[3], best, fine[5])
            : Parabola(Contrast(image, p.X + bx - 1, p.Y + by, rx, ry, gap, cos, sin), best, Contrast(image, p.X + bx + 1, p.Y + by, rx, ry, gap, cos, sin));
        var fy = bestIndex == 4
            ? Parabola(fine[1], best, fine[7])
            : Parabola(Contrast(image, p.X + bx, p.Y + by - 1, rx, ry, gap, cos, sin), best, Contrast(image, p.X + bx, p.Y + by + 1, rx, ry, gap, cos, sin));
        return (bx + fx, by + fy);
    }

    private static double Interior(PixelImage image, PointF p, double rx, double ry, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin)
    {
        var sum = Sample(image, p.X, p.Y);
        for (var k = 0; k < Samples; k += 3)
        {
            sum += Sample(image, p.X + (0.5 * rx * cos[k]), p.Y + (0.5 * ry * sin[k]));
        }

        return sum / (1 + (Samples / 3));
    }

    // A match made on the printed outline, not on the edge of a fill: around at least half of it
    // the ring is clearly darker than the paper just inside. Partial marks, crosses and checks
    // leave that much of the outline showing; a full fill, which can pull the match by pixels,
    // leaves none.
    private static bool OutlineShows(PixelImage image, double cx, double cy, double rx, double ry, double gap, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin)
    {
        var showing = 0;
        for (var k = 0; k < Samples; k++)
        {
            var ring = Sample(image, cx + (rx * cos[k]), cy + (ry * sin[k]));
            var inside = Sample(image, cx + ((rx - gap) * cos[k]), cy + ((ry - gap) * sin[k]));
            if (inside - ring >= OutlineContrast)
            {
                showing++;
            }
        }

        return 2 * showing >= Samples;
    }

    // Mean grey just outside the outline minus mean grey on it: high for a printed, unfilled ring.
    private static double Contrast(PixelImage image, double cx, double cy, double rx, double ry, double gap, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin)
    {
        ReadOnlySpan<byte> pixels = image.Pixels;
        double ring = 0, outside = 0;
        for (var k = 0; k < Samples; k++)
        {
            ring += Sample(pixels, image, cx + (rx * cos[k]), cy + (ry * sin[k]));
            outside += Sample(pixels, image, cx + ((rx + gap) * cos[k]), cy + ((ry + gap) * sin[k]));
        }

        return (outside - ring) / Samples;
    }

    private static double Sample(PixelImage image, double x, double y) => Sample(image.Pixels, image, x, y);

    private static double Sample(ReadOnlySpan<byte> pixels, PixelImage image, double x, double y)
    {
        var ix = (int)Math.Floor(x);
        var iy = (int)Math.Floor(y);
        if (ix < 0 || iy < 0 || ix + 1 >= image.Width || iy + 1 >= image.Height)
        {
            return 255;
        }

        var fx = x - ix;
        var fy = y - iy;
        var at = (iy * image.Stride) + ix;
        var below = at + image.Stride;
        var top = pixels[at] + ((pixels[at + 1] - pixels[at]) * fx);
        var bottom = pixels[below] + ((pixels[below + 1] - pixels[below]) * fx);
        return top + ((bottom - top) * fy);
    }

    private static double Parabola(double left, double mid, double right)
    {
        var denominator = left - (2 * mid) + right;
        return denominator >= 0 ? 0 : Math.Clamp(0.5 * (left - right) / denominator, -0.5, 0.5);
    }
}
