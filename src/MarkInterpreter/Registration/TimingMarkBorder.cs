using System.Buffers;
using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// The timing-mark border as found on an image, in the image's own orientation: the four edge
/// lines, their corners, and each mark's centre by index (null where a mark is missing).
/// </summary>
public sealed record TimingMarkBorder(
    PointF TopLeft,
    PointF TopRight,
    PointF BottomLeft,
    PointF BottomRight,
    IReadOnlyList<PointF?> Top,
    IReadOnlyList<PointF?> Bottom,
    IReadOnlyList<PointF?> Left,
    IReadOnlyList<PointF?> Right)
{
    public int Found => Top.Count(p => p is not null) + Bottom.Count(p => p is not null) + Left.Count(p => p is not null) + Right.Count(p => p is not null);

    public int Expected => Top.Count + Bottom.Count + Left.Count + Right.Count;

    /// <summary>The longest run of consecutive missing marks along an edge.</summary>
    public static int LongestGap(IReadOnlyList<PointF?> marks)
    {
        var longest = 0;
        var run = 0;
        foreach (var mark in marks)
        {
            run = mark is null ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    public static int Count(IReadOnlyList<PointF?> marks) => marks.Count(p => p is not null);
}

/// <summary>Outcome of looking for the border: the border, or why there is none.</summary>
public sealed record BorderSearch(TimingMarkBorder? Border, PageReject? Reject, double PixelsPerInch);

/// <summary>
/// Finds the timing-mark border of a page: candidate marks in four strips along the image
/// edges, a robust line through each edge's marks, corners where the lines cross, and each mark
/// assigned its index by its distance from the corner. Only the strips are examined.
/// </summary>
public static class TimingMarkFinder
{
    // Strips also hold text and lines; room for all their blobs, so no mark is cut off.
    private const int MaxComponents = 8192;

    public static BorderSearch Find(PixelImage image, PageFormat format, RegistrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(settings);
        var grid = format.Grid;
        var dpi = image.Width / format.WidthInches;
        var markW = grid.MarkWidthInches * dpi;
        var markH = grid.MarkHeightInches * dpi;
        // Deep enough for the marks wherever a sheet within specification puts them: skew up to
        // 5 degrees moves the far end of an edge by 9% of the page, shift and borders by 3%.
        var depthY = (int)Math.Min(image.Height / 3, ((grid.FirstCenter.Y + 0.3) * dpi) + (0.09 * image.Width) + (0.03 * image.Height));
        var depthX = (int)Math.Min(image.Width / 3, ((grid.FirstCenter.X + 0.3) * dpi) + (0.09 * image.Height) + (0.03 * image.Width));
        var rented = ArrayPool<DarkComponent>.Shared.Rent(MaxComponents);
        var buffer = rented.AsSpan(0, MaxComponents);
        // Strips are labelled shrunk to about 100 pixels per inch (a mark is still a solid
        // blob there), then each mark's centre is measured at full resolution.
        var shrink = Math.Max(1, (int)Math.Round(dpi / 100));
        var top = Candidates(image, new PixelRect(0, 0, image.Width, depthY), buffer, markW, markH, settings.DarkThreshold, shrink);
        var bottom = Candidates(image, new PixelRect(0, image.Height - depthY, image.Width, depthY), buffer, markW, markH, settings.DarkThreshold, shrink);
        var inner = new PixelRect(0, depthY / 2, depthX, image.Height - depthY);
        var left = Candidates(image, inner, buffer, markW, markH, settings.DarkThreshold, shrink);
        var right = Candidates(image, inner with { X = image.Width - depthX }, buffer, markW, markH, settings.DarkThreshold, shrink);
        // Corners and the ends of the side columns lie in the top and bottom strips, which the
        // side strips overlap: a mark found twice is one mark.
        left = Merge(left, top.Where(p => p.X < depthX).Concat(bottom.Where(p => p.X < depthX)), markH);
        right = Merge(right, top.Where(p => p.X > image.Width - depthX).Concat(bottom.Where(p => p.X > image.Width - depthX)), markH);
        ArrayPool<DarkComponent>.Shared.Return(rented);

        var tolerance = Math.Max(2.5, markH * 0.45);
        var topLine = FitEdge(top, horizontal: true, tolerance, outerIsLow: true);
        var bottomLine = FitEdge(bottom, horizontal: true, tolerance, outerIsLow: false);
        var leftLine = FitEdge(left, horizontal: false, tolerance, outerIsLow: true);
        var rightLine = FitEdge(right, horizontal: false, tolerance, outerIsLow: false);
        var found = new[] { topLine, bottomLine, leftLine, rightLine }.Count(l => l is not null);
        if (found == 0 || (topLine is null && bottomLine is null) || (leftLine is null && rightLine is null))
        {
            return new BorderSearch(null, new PageReject(RejectReason.NotABallot, "no timing-mark border found: this is not a ballot page (blank paper, an envelope, a letter?)"), dpi);
        }

        if (found < 4)
        {
            var missing = string.Join(" and ", new[] { ("top", topLine), ("bottom", bottomLine), ("left", leftLine), ("right", rightLine) }.Where(e => e.Item2 is null).Select(e => e.Item1));
            return new BorderSearch(null, new PageReject(RejectReason.IncompletePage, $"no timing marks along the {missing} edge: part of the page is missing or folded over"), dpi);
        }

        var tl = topLine!.Value.Line.Intersect(leftLine!.Value.Line);
        var tr = topLine.Value.Line.Intersect(rightLine!.Value.Line);
        var bl = bottomLine!.Value.Line.Intersect(leftLine.Value.Line);
        var br = bottomLine.Value.Line.Intersect(rightLine.Value.Line);
        if (tl is null || tr is null || bl is null || br is null)
        {
            return new BorderSearch(null, new PageReject(RejectReason.DamagedGeometry, "the timing-mark edges do not meet at four corners"), dpi);
        }

        var border = new TimingMarkBorder(tl.Value, tr.Value, bl.Value, br.Value,
            Assign(topLine.Value.Inliers, tl.Value, tr.Value, grid.Columns),
            Assign(bottomLine.Value.Inliers, bl.Value, br.Value, grid.Columns),
            Assign(leftLine.Value.Inliers, tl.Value, bl.Value, grid.Rows),
            Assign(rightLine.Value.Inliers, tr.Value, br.Value, grid.Rows));
        var pixelsPerInch = Distance(tl.Value, tr.Value) / ((grid.Columns - 1) * grid.ColumnPitchInches);
        return new BorderSearch(border, Check(border, format, settings, pixelsPerInch), pixelsPerInch);
    }

    private static PageReject? Check(TimingMarkBorder border, PageFormat format, RegistrationSettings settings, double pixelsPerInch)
    {
        var grid = format.Grid;
        var expectedHeight = (grid.Rows - 1) * grid.RowPitchInches * pixelsPerInch;
        var height = (Distance(border.TopLeft, border.BottomLeft) + Distance(border.TopRight, border.BottomRight)) / 2;
        if (Math.Abs(height / expectedHeight - 1) > settings.MaxShapeError)
        {
            return new PageReject(RejectReason.IncompletePage, $"the timing-mark border is {height / pixelsPerInch:F2} inches tall where {expectedHeight / pixelsPerInch:F2} are expected: part of the page is missing");
        }

        foreach (var (name, marks) in new[] { ("left", border.Left), ("right", border.Right) })
        {
            var problem = EdgeProblem(name, marks, settings);
            if (problem is not null)
            {
                return problem;
            }
        }

        // A grid-layout (VxSuite) card may encode data in its bottom row by leaving marks out;
        // one complete row is enough there. Our own ballots need both.
        var topProblem = EdgeProblem("top", border.Top, settings);
        var bottomProblem = EdgeProblem("bottom", border.Bottom, settings);
        if (format.Identity == IdentityKind.QrCode)
        {
            return topProblem ?? bottomProblem;
        }

        return topProblem is not null && bottomProblem is not null ? topProblem : null;
    }

    private static PageReject? EdgeProblem(string name, IReadOnlyList<PointF?> marks, RegistrationSettings settings)
    {
        var gap = TimingMarkBorder.LongestGap(marks);
        var missing = marks.Count - TimingMarkBorder.Count(marks);
        if (gap > settings.MaxMissingRun || missing > settings.MaxMissingPerEdge)
        {
            return new PageReject(RejectReason.DamagedGeometry, $"{missing} of {marks.Count} timing marks missing along the {name} edge ({gap} in a row): the sheet is torn or damaged there");
        }

        return null;
    }

    private static PointF?[] Assign(List<PointF> inliers, PointF start, PointF end, int count)
    {
        var marks = new PointF?[count];
        var errors = new double[count];
        var dx = end.X - start.X;
        var dy = end.Y - start.Y;
        var length2 = (dx * dx) + (dy * dy);
        foreach (var p in inliers)
        {
            var t = (((p.X - start.X) * dx) + ((p.Y - start.Y) * dy)) / length2 * (count - 1);
            var index = (int)Math.Round(t);
            var error = Math.Abs(t - index);
            if (index < 0 || index >= count || error > 0.3)
            {
                continue;
            }

            if (marks[index] is null || error < errors[index])
            {
                marks[index] = p;
                errors[index] = error;
            }
        }

        return marks;
    }

    private static List<PointF> Candidates(PixelImage image, PixelRect strip, Span<DarkComponent> buffer, double markW, double markH, byte threshold, int shrink)
    {
        var count = Math.Min(DarkComponents.Find(image, strip, threshold, buffer, shrink: shrink), buffer.Length);
        var area = markW * markH;
        var slack = 2 * shrink;
        var result = new List<PointF>();
        for (var i = 0; i < count; i++)
        {
            var c = buffer[i];
            // A timing mark is a solid bar: its blob fills most of its box and is wider than tall
            // (even at 5° of skew), which words and pieces of text rarely are.
            var box = (double)c.Bounds.Width * c.Bounds.Height;
            if (c.Area > area * 0.4 && c.Area < area * 2.0 && c.Area > box * 0.55 &&
                c.Bounds.Width > 1.6 * c.Bounds.Height &&
                c.Bounds.Width > (markW * 0.6) - slack && c.Bounds.Width < (markW * 1.5) + 4 + slack &&
                c.Bounds.Height > (markH * 0.5) - slack && c.Bounds.Height < (markH * 1.8) + (markW * 0.1) + 4 + slack)
            {
                // A mark cut by the strip's edge gives a short blob: measure the whole mark, in a
                // window of a mark's size around the blob, twice to centre the window on it.
                var centre = new PointF(c.CenterX, c.CenterY);
                for (var pass = 0; pass < 2; pass++)
                {
                    centre = Centroid(image, new PixelRect((int)Math.Round(centre.X - (markW / 2)), (int)Math.Round(centre.Y - (markH / 2)), (int)Math.Ceiling(markW), (int)Math.Ceiling(markH)), shrink + 2, threshold);
                }

                result.Add(centre);
            }
        }

        return result;
    }

    private static List<PointF> Merge(List<PointF> marks, IEnumerable<PointF> more, double markH)
    {
        foreach (var p in more)
        {
            if (!marks.Any(q => Math.Abs(q.X - p.X) < markH && Math.Abs(q.Y - p.Y) < markH))
            {
                marks.Add(p);
            }
        }

        return marks;
    }

    // The centre of a mark's ink at full resolution, each pixel weighted by how dark it is
    // beyond the paper: sub-pixel, and indifferent to how the shrunk blob was cut.
    private static PointF Centroid(PixelImage image, PixelRect bounds, int margin, byte threshold)
    {
        var x0 = Math.Max(0, bounds.X - margin);
        var y0 = Math.Max(0, bounds.Y - margin);
        var x1 = Math.Min(image.Width, bounds.Right + margin);
        var y1 = Math.Min(image.Height, bounds.Bottom + margin);
        double sum = 0, sx = 0, sy = 0;
        var paper = threshold + ((255 - threshold) / 2);
        for (var y = y0; y < y1; y++)
        {
            var row = image.Row(y);
            for (var x = x0; x < x1; x++)
            {
                var w = paper - row[x];
                if (w > 0)
                {
                    sum += w;
                    sx += w * x;
                    sy += w * y;
                }
            }
        }

        return sum == 0 ? new PointF(bounds.X + (bounds.Width / 2.0), bounds.Y + (bounds.Height / 2.0)) : new PointF(sx / sum, sy / sum);
    }

    private static (EdgeLine Line, List<PointF> Inliers)? FitEdge(List<PointF> candidates, bool horizontal, double tolerance, bool outerIsLow)
    {
        if (candidates.Count < 3)
        {
            return null;
        }

        // Lines through pairs of near neighbours along the edge; the one through most marks
        // wins, and on a tie the one nearer the paper's edge (text rarely lines up so well).
        var sorted = candidates.OrderBy(p => horizontal ? p.X : p.Y).ToList();
        (EdgeLine Line, int Count, double Outer)? best = null;
        const double MaxSlope = 0.12; // ~7 degrees
        for (var i = 0; i < sorted.Count; i++)
        {
            for (var j = i + 1; j < Math.Min(sorted.Count, i + 8); j++)
            {
                var a = sorted[i];
                var b = sorted[j];
                var (along, across) = horizontal ? (b.X - a.X, b.Y - a.Y) : (b.Y - a.Y, b.X - a.X);
                if (along <= 0 || Math.Abs(across / along) > MaxSlope)
                {
                    continue;
                }

                var length = Math.Sqrt((along * along) + (across * across));
                var line = new EdgeLine(a, (b.X - a.X) / length, (b.Y - a.Y) / length);
                var count = 0;
                foreach (var p in sorted)
                {
                    count += line.Distance(p) <= tolerance ? 1 : 0;
                }

                var outer = horizontal ? a.Y : a.X;
                outer = outerIsLow ? -outer : outer;
                if (best is null || count > best.Value.Count || (count == best.Value.Count && outer > best.Value.Outer))
                {
                    best = (line, count, outer);
                }
            }
        }

        if (best is null || best.Value.Count < 3)
        {
            return null;
        }

        var inliers = sorted.Where(p => best.Value.Line.Distance(p) <= tolerance).ToList();
        var fitted = EdgeLine.Fit(inliers);
        inliers = sorted.Where(p => fitted.Distance(p) <= tolerance).ToList();
        fitted = EdgeLine.Fit(inliers);
        // Keep the direction pointing along increasing x (rows) or y (columns).
        if ((horizontal ? fitted.DirectionX : fitted.DirectionY) < 0)
        {
            fitted = fitted with { DirectionX = -fitted.DirectionX, DirectionY = -fitted.DirectionY };
        }

        return (fitted, inliers);
    }

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
