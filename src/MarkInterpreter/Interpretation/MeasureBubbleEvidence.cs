using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CentralCount.Election.Rules;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>
/// Measures the evidence at one position. The oval's inside is read pixel by pixel; its
/// surroundings on a grid of cells a little finer than a pen stroke, with the blank ballot's
/// print masked out, and the voter's ink there grouped into connected shapes. Ink is grey
/// levels below the local paper, so every pen colour and pencil reads alike (ARM
/// 44.3.2402(2)(l)), and a fold's shallow crease or paper texture never does (VVSG 1.1.6-I).
/// </summary>
public static class MeasureBubbleEvidence
{
    internal const int Sectors = 16;
    internal const double InnerRadius = 0.8;
    internal const double CrossingInner = 1.2;
    internal const double CrossingOuter = 1.6;
    private const double ShapeRadius = 1.3;
    private const double TouchRadius = 1.9;

    public static BubbleEvidence Measure(PixelImage image, in PositionFrame frame, EvidenceZone zone, BlankReference blank, int index, MarkThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(blank);
        var printed = blank.Mask(index);
        var (cols, rows) = (zone.Columns, zone.Rows);
        var cells = cols * rows;
        var grey = ArrayPool<byte>.Shared.Rent(cells);
        var ink = ArrayPool<byte>.Shared.Rent(cells);
        var stack = ArrayPool<int>.Shared.Rent(cells);
        try
        {
            Span<int> histogram = stackalloc int[256];
            histogram.Clear();
            SampleCells(image, frame, zone, grey.AsSpan(0, cells), histogram);
            var paper = PaperLevel(histogram, ((rows + 1) / 2) * cols);
            MarkInk(zone, grey.AsSpan(0, cells), printed, ink.AsSpan(0, cells), paper - thresholds.InkDarkness);
            var shapes = Shapes(zone, ink.AsSpan(0, cells), stack, thresholds.MinimumInkInches);
            var (fill, weakest, residue, darkness, lobes) = Oval(image, frame, zone.Rx, zone.Ry, paper, thresholds);
            var beside = Math.Max(Beside(zone, grey.AsSpan(0, cells), blank.Print(index), paper - thresholds.InkDarkness, -1),
                Beside(zone, grey.AsSpan(0, cells), blank.Print(index), paper - thresholds.InkDarkness, 1));
            return new BubbleEvidence(fill, weakest, residue, darkness, lobes, paper, Math.Round(beside, 3), shapes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(grey);
            ArrayPool<byte>.Shared.Return(ink);
            ArrayPool<int>.Shared.Return(stack);
        }
    }

    private static void SampleCells(PixelImage image, in PositionFrame frame, EvidenceZone zone, Span<byte> grey, Span<int> histogram)
    {
        var (cols, rows) = (zone.Columns, zone.Rows);
        var step = EvidenceZone.CellInches;
        var origin = frame.ToPixel(zone.Zone.Left + (step / 2), zone.Zone.Top + (step / 2));
        var alongX = frame.ToPixel(step, 0);
        var alongY = frame.ToPixel(0, step);
        var centre = frame.ToPixel(0, 0);
        var (xx, xy) = (alongX.X - centre.X, alongX.Y - centre.Y);
        var (yx, yy) = (alongY.X - centre.X, alongY.Y - centre.Y);
        var (w, h, stride) = (image.Width, image.Height, image.Stride);
        ReadOnlySpan<byte> pixels = image.Pixels;
        // Fixed point (16 fractional bits): stepping along a row is two integer adds.
        const double One = 65536;
        var (sx, sy) = ((long)Math.Round(xx * One), (long)Math.Round(xy * One));
        var (maxX, maxY) = ((long)w << 16, (long)h << 16);
        var (yStepX, yStepY) = ((long)Math.Round(yx * One), (long)Math.Round(yy * One));
        for (var r = 0; r < rows; r++)
        {
            var px = (long)Math.Round((origin.X + (r * yx) + 0.5) * One);
            var py = (long)Math.Round((origin.Y + (r * yy) + 0.5) * One);
            var line = grey.Slice(r * cols, cols);
            PrefetchRow(image, px + yStepX, py + yStepY, sx, sy, cols);
            // The samples of a row lie on a straight line, so when both ends are on the image every
            // one is, and the row is read without a check a sample.
            var (endX, endY) = (px + ((cols - 1) * sx), py + ((cols - 1) * sy));
            if (Math.Min(px, endX) >= 0 && Math.Min(py, endY) >= 0 && Math.Max(px, endX) < maxX && Math.Max(py, endY) < maxY)
            {
                ref var first = ref MemoryMarshal.GetReference(pixels);
                for (var c = 0; c < line.Length; c++)
                {
                    line[c] = Unsafe.Add(ref first, ((int)(py >> 16) * stride) + (int)(px >> 16));
                    px += sx;
                    py += sy;
                }
            }
            else
            {
                for (var c = 0; c < cols; c++)
                {
                    line[c] = px >= 0 && py >= 0 && px < maxX && py < maxY ? pixels[((int)(py >> 16) * stride) + (int)(px >> 16)] : (byte)255;
                    px += sx;
                    py += sy;
                }
            }

            // Every other row is enough to find the paper's level.
            if ((r & 1) == 0)
            {
                foreach (var g in line)
                {
                    histogram[g]++;
                }
            }
        }
    }

    // The zone's rows are a few pixels apart and each touches fresh cache lines: asking for the
    // next row's lines while this one is read hides the wait for memory.
    private static void PrefetchRow(PixelImage image, long px, long py, long sx, long sy, int cols)
    {
        var (ex, ey) = (px + ((cols - 1) * sx), py + ((cols - 1) * sy));
        image.Prefetch((int)(Math.Min(px, ex) >> 16), (int)(Math.Min(py, ey) >> 16), (int)(Math.Max(px, ex) >> 16), (int)(Math.Max(py, ey) >> 16));
    }

    // The paper is what most of the zone shows: a high percentile, so print and ink never set it.
    private static int PaperLevel(ReadOnlySpan<int> histogram, int count)
    {
        var target = count * 0.3;
        var seen = 0;
        for (var g = 255; g > 0; g--)
        {
            seen += histogram[g];
            if (seen >= target)
            {
                return Math.Max(g, 120);
            }
        }

        return 120;
    }

    private static void MarkInk(EvidenceZone zone, ReadOnlySpan<byte> grey, ReadOnlySpan<byte> printed, Span<byte> ink, int inkBelow)
    {
        var (cols, rows) = (zone.Columns, zone.Rows);
        for (var r = 0; r < rows; r++)
        {
            var v = (zone.Zone.Top + ((r + 0.5) * EvidenceZone.CellInches)) / zone.Ry;
            // Cells of this row inside the oval's surround are the oval's own, read pixel by pixel.
            var (skipFrom, skipTo) = (cols, -1);
            if (v * v < ShapeRadius * ShapeRadius)
            {
                var half = zone.Rx * Math.Sqrt((ShapeRadius * ShapeRadius) - (v * v));
                skipFrom = (int)Math.Ceiling(((-half - zone.Zone.Left) / EvidenceZone.CellInches) - 0.5);
                skipTo = (int)Math.Floor(((half - zone.Zone.Left) / EvidenceZone.CellInches) - 0.5);
            }

            var line = grey.Slice(r * cols, cols);
            var mask = printed.Slice(r * cols, cols);
            var output = ink.Slice(r * cols, cols);
            for (var c = 0; c < cols; c++)
            {
                output[c] = (byte)((c < skipFrom || c > skipTo) && line[c] <= inkBelow && mask[c] == 0 ? 1 : 0);
            }
        }
    }

    // Dark cells minus printed cells in the window beside the oval on one side.
    private static double Beside(EvidenceZone zone, ReadOnlySpan<byte> grey, ReadOnlySpan<byte> print, int inkBelow, int side)
    {
        var (cols, rows) = (zone.Columns, zone.Rows);
        int Column(double x) => Math.Clamp((int)Math.Round(((x - zone.Zone.Left) / EvidenceZone.CellInches) - 0.5), 0, cols - 1);
        int Row(double y) => Math.Clamp((int)Math.Round(((y - zone.Zone.Top) / EvidenceZone.CellInches) - 0.5), 0, rows - 1);
        var (c0, c1) = side > 0 ? (Column(1.35 * zone.Rx), Column(3.0 * zone.Rx)) : (Column(-3.0 * zone.Rx), Column(-1.35 * zone.Rx));
        var (r0, r1) = (Row(-zone.Ry), Row(zone.Ry));
        int all = 0, dark = 0, printed = 0;
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                var i = (r * cols) + c;
                all++;
                dark += grey[i] <= inkBelow ? 1 : 0;
                printed += print[i];
            }
        }

        return all == 0 ? 0 : Math.Max(0, (dark - printed) / (double)all);
    }

    private static List<InkShape> Shapes(EvidenceZone zone, Span<byte> ink, int[] stack, double minimumArea)
    {
        var (cols, rows) = (zone.Columns, zone.Rows);
        var cellArea = EvidenceZone.CellInches * EvidenceZone.CellInches;
        var shapes = new List<InkShape>();
        var start = -1;
        while (true)
        {
            var next = ink[(start + 1)..].IndexOf((byte)1);
            if (next < 0)
            {
                break;
            }

            start += next + 1;

            // Flood fill (8-connected); visited cells become 2.
            var top = 0;
            stack[top++] = start;
            ink[start] = 2;
            int count = 0, label = 0, writeIn = 0, c0 = cols, c1 = -1, r0 = rows, r1 = -1;
            var touches = false;
            while (top > 0)
            {
                var i = stack[--top];
                var (r, c) = Math.DivRem(i, cols);
                count++;
                (c0, c1, r0, r1) = (Math.Min(c0, c), Math.Max(c1, c), Math.Min(r0, r), Math.Max(r1, r));
                var x = zone.Zone.Left + ((c + 0.5) * EvidenceZone.CellInches);
                var y = zone.Zone.Top + ((r + 0.5) * EvidenceZone.CellInches);
                var (u, v) = (x / zone.Rx, y / zone.Ry);
                touches |= (u * u) + (v * v) < TouchRadius * TouchRadius;
                label += zone.Label is { } l && l.Contains(x, y) ? 1 : 0;
                writeIn += zone.WriteIn is { } wi && wi.Contains(x, y) ? 1 : 0;
                for (var rr = Math.Max(0, r - 1); rr <= Math.Min(rows - 1, r + 1); rr++)
                {
                    for (var cc = Math.Max(0, c - 1); cc <= Math.Min(cols - 1, c + 1); cc++)
                    {
                        var j = (rr * cols) + cc;
                        if (ink[j] == 1)
                        {
                            ink[j] = 2;
                            stack[top++] = j;
                        }
                    }
                }
            }

            var area = count * cellArea;
            if (area < minimumArea)
            {
                continue;
            }

            var bounds = new InchRect(
                zone.Zone.Left + (c0 * EvidenceZone.CellInches), zone.Zone.Top + (r0 * EvidenceZone.CellInches),
                zone.Zone.Left + ((c1 + 1) * EvidenceZone.CellInches), zone.Zone.Top + ((r1 + 1) * EvidenceZone.CellInches));
            shapes.Add(new InkShape(bounds, Math.Round(area, 5), touches, Math.Round(label / (double)count, 3), Math.Round(writeIn / (double)count, 3)));
        }

        shapes.Sort((a, b) => b.Area.CompareTo(a.Area));
        return shapes;
    }

    /// <summary>The oval's own evidence, read pixel by pixel: its inside (ink, residue, darkness, each half) and the strokes crossing the ring around it.</summary>
    internal static (double Fill, double WeakestHalf, double Residue, double Darkness, int Lobes) Oval(PixelImage image, in PositionFrame frame, double rx, double ry, int paper, MarkThresholds t)
    {
        var (x0, y0, x1, y1) = RingWindow(image, frame, rx, ry);
        if (x1 < x0 || y1 < y0)
        {
            // The oval lies wholly off the image: nothing of it to read.
            return (0, 0, 0, 0, 0);
        }

        var inkLevel = paper - t.InkDarkness;
        var residueLevel = paper - t.ResidueDarkness;
        int inner = 0, inked = 0, smudged = 0;
        Span<int> halfAll = stackalloc int[4];
        Span<int> halfInk = stackalloc int[4];
        halfAll.Clear();
        halfInk.Clear();
        long dark = 0;
        Span<int> sectorAll = stackalloc int[Sectors];
        Span<int> sectorInk = stackalloc int[Sectors];
        sectorAll.Clear();
        sectorInk.Clear();
        var (irx, iry) = (1 / rx, 1 / ry);
        var (ox, oy) = frame.ToInches(0, 0);
        var (ax, ay) = frame.ToInches(1, 0);
        // Oval coordinates advance by a constant step per pixel (the frame is affine), so along a
        // row each circle of the oval is crossed at the roots of a quadratic: only the pixels
        // between them are visited, and each of those is still tested exactly.
        var (ux, vx) = ((ax - ox) * irx, (ay - oy) * iry);
        var last = x1 - x0;
        for (var y = y0; y <= y1; y++)
        {
            var (rowDx, rowDy) = frame.ToInches(x0, y);
            var (u0, v0) = (rowDx * irx, rowDy * iry);
            var outer = Crossing(u0, v0, ux, vx, CrossingOuter * CrossingOuter);
            if (outer is not { } o)
            {
                continue;
            }

            var row = image.Row(y).Slice(x0, last + 1);
            var (i0, i1) = Covering(Crossing(u0, v0, ux, vx, InnerRadius * InnerRadius), last);
            for (var step = i0; step <= i1; step++)
            {
                var (u, v) = (u0 + (step * ux), v0 + (step * vx));
                if ((u * u) + (v * v) >= InnerRadius * InnerRadius)
                {
                    continue;
                }

                var g = row[step];
                inner++;
                dark += Math.Max(0, paper - g);
                var (h, k) = (u < 0 ? 0 : 1, v < 0 ? 2 : 3);
                halfAll[h]++;
                halfAll[k]++;
                if (g <= residueLevel)
                {
                    halfInk[h]++;
                    halfInk[k]++;
                }

                if (g <= inkLevel)
                {
                    inked++;
                }
                else if (g <= residueLevel)
                {
                    smudged++;
                }
            }

            // The ring lies between the outer circle's crossings and outside the inner edge's,
            // a stretch on either side; a checkerboard of it is plenty to see where strokes cross.
            var (r0, r1) = Covering(o, last);
            var (e0, e1) = Inside(Crossing(u0, v0, ux, vx, CrossingInner * CrossingInner), last);
            var leftEnd = e0 <= e1 ? Math.Min(r1, e0 - 1) : r1;
            Ring(row, x0, y, r0, leftEnd, u0, v0, ux, vx, inkLevel, sectorAll, sectorInk);
            Ring(row, x0, y, Math.Max(leftEnd + 1, e1 + 1), r1, u0, v0, ux, vx, inkLevel, sectorAll, sectorInk);
        }

        return Summarise(inner, inked, smudged, dark, halfAll, halfInk, sectorAll, sectorInk);
    }

    /// <summary>The pixels (bounds inclusive, clipped to the image) of the box around the crossing ring's outer edge.</summary>
    internal static (int X0, int Y0, int X1, int Y1) RingWindow(PixelImage image, in PositionFrame frame, double rx, double ry)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (sx, sy) in new[] { (-1, -1), (1, -1), (-1, 1), (1, 1) })
        {
            var p = frame.ToPixel(sx * CrossingOuter * rx, sy * CrossingOuter * ry);
            (minX, minY, maxX, maxY) = (Math.Min(minX, p.X), Math.Min(minY, p.Y), Math.Max(maxX, p.X), Math.Max(maxY, p.Y));
        }

        return (Math.Max(0, (int)Math.Floor(minX)), Math.Max(0, (int)Math.Floor(minY)),
            Math.Min(image.Width - 1, (int)Math.Ceiling(maxX)), Math.Min(image.Height - 1, (int)Math.Ceiling(maxY)));
    }

    /// <summary>The oval's scores from its counts: pixels inside, inked, smudged and their darkness, per half, and per sector of the ring.</summary>
    internal static (double Fill, double WeakestHalf, double Residue, double Darkness, int Lobes) Summarise(
        int inner, int inked, int smudged, long dark, ReadOnlySpan<int> halfAll, ReadOnlySpan<int> halfInk, ReadOnlySpan<int> sectorAll, ReadOnlySpan<int> sectorInk)
    {
        if (inner == 0)
        {
            return (0, 0, 0, 0, 0);
        }

        var weakest = 1.0;
        for (var q = 0; q < 4; q++)
        {
            weakest = Math.Min(weakest, halfAll[q] == 0 ? 0 : halfInk[q] / (double)halfAll[q]);
        }

        // A stroke leaves the oval where a run of the ring's sectors carries ink.
        Span<bool> inkedSector = stackalloc bool[Sectors];
        for (var s = 0; s < Sectors; s++)
        {
            inkedSector[s] = sectorAll[s] > 0 && sectorInk[s] >= Math.Max(2, sectorAll[s] * 0.15);
        }

        var lobes = 0;
        for (var s = 0; s < Sectors; s++)
        {
            if (inkedSector[s] && !inkedSector[(s + Sectors - 1) % Sectors])
            {
                lobes++;
            }
        }

        if (lobes == 0 && inkedSector[0])
        {
            lobes = 1; // ink all the way round
        }

        return (Math.Round(inked / (double)inner, 4), Math.Round(weakest, 4), Math.Round(smudged / (double)inner, 4), Math.Round(dark / (255.0 * inner), 4), lobes);
    }

    private static void Ring(Span<byte> row, int x0, int y, int from, int to, double u0, double v0, double ux, double vx, int inkLevel, Span<int> sectorAll, Span<int> sectorInk)
    {
        // Only pixels with x + y even: the same checkerboard whichever stretch they fall in.
        for (var t = from + ((x0 + from + y) & 1); t <= to; t += 2)
        {
            var (u, v) = (u0 + (t * ux), v0 + (t * vx));
            var r2 = (u * u) + (v * v);
            if (r2 > CrossingInner * CrossingInner && r2 < CrossingOuter * CrossingOuter)
            {
                var s = Sector(u, v);
                sectorAll[s]++;
                sectorInk[s] += row[t] <= inkLevel ? 1 : 0;
            }
        }
    }

    // The steps t along a row where (u0 + t·ux)² + (v0 + t·vx)² < radius², as the two roots, or
    // null when the row misses the circle.
    private static (double From, double To)? Crossing(double u0, double v0, double ux, double vx, double radius2)
    {
        var a = (ux * ux) + (vx * vx);
        var b = 2 * ((u0 * ux) + (v0 * vx));
        var c = (u0 * u0) + (v0 * v0) - radius2;
        var discriminant = (b * b) - (4 * a * c);
        if (a <= 0 || discriminant <= 0)
        {
            return null;
        }

        var root = Math.Sqrt(discriminant);
        return ((-b - root) / (2 * a), (-b + root) / (2 * a));
    }

    // Every pixel that can be inside, widened by one each side so rounding never leaves one out.
    // Roots are clamped to the row before they become whole numbers.
    private static (int From, int To) Covering((double From, double To)? crossing, int last) =>
        crossing is { } c && c.To >= -1 && c.From <= last + 1
            ? (Math.Max(0, (int)Math.Floor(Math.Max(c.From, -1)) - 1), Math.Min(last, (int)Math.Ceiling(Math.Min(c.To, last + 1)) + 1))
            : (1, 0);

    // Only pixels that are inside whatever the rounding, narrowed by one each side; the ring
    // stretches are bounded by the row, so a root off it only needs to stay off it.
    private static (int From, int To) Inside((double From, double To)? crossing, int last) =>
        crossing is { } c && c.To - c.From > 4
            ? ((int)Math.Ceiling(Math.Clamp(c.From, -2, last + 2)) + 1, (int)Math.Floor(Math.Clamp(c.To, -2, last + 2)) - 1)
            : (1, 0);

    // A monotone stand-in for the angle (the "diamond angle"), cheap enough for every ring pixel.
    internal static int Sector(double u, double v)
    {
        double a;
        if (v >= 0)
        {
            a = u >= 0 ? v / (u + v + 1e-12) : 1 - (u / (-u + v));
        }
        else
        {
            a = u < 0 ? 2 - (v / (-u - v)) : 3 + (u / (u - v));
        }

        return Math.Clamp((int)(a * Sectors / 4), 0, Sectors - 1);
    }
}
