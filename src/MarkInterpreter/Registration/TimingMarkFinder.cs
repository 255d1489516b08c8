using System.Buffers;
using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// Finds the timing-mark border of a page: candidate marks along each edge (followed from the
/// top-left corner, or, when that fails, searched for in four strips along the image edges), a
/// robust line through each edge's marks, corners where the lines cross, and each mark assigned
/// its index by its distance from the corner. Only the edges are examined.
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
        // A page the follower cannot read (torn, folded, not a ballot, badly placed) is searched
        // along the whole of each edge; its reject reasons come from that search.
        return FollowFromCorner(image, format, settings) is { Border: not null, Reject: null } followed ? followed : SearchStrips(image, format, settings);
    }

    /// <summary>The border from the marks followed from the top-left corner, or null when the corner cannot be read.</summary>
    internal static BorderSearch? FollowFromCorner(PixelImage image, PageFormat format, RegistrationSettings settings)
    {
        var search = new Search(image, format, settings);
        var grid = format.Grid;
        var dpi = search.Dpi;
        // The corner holds the first mark of a sheet within specification (5 degrees of skew
        // about the page's centre move a corner by 4.5% of the page's other side, shift and
        // borders by 3%), and three more along each edge to say which way the edges run.
        var corner = new PixelRect(0, 0,
            Math.Min(image.Width / 2, (int)(((grid.FirstCenter.X + 0.3 + (3 * grid.ColumnPitchInches)) * dpi) + (0.045 * image.Height) + (0.03 * image.Width))),
            Math.Min(image.Height / 2, (int)(((grid.FirstCenter.Y + 0.3 + (3 * grid.RowPitchInches)) * dpi) + (0.045 * image.Width) + (0.03 * image.Height))));
        var rented = ArrayPool<DarkComponent>.Shared.Rent(MaxComponents);
        try
        {
            var followed = TimingMarkFollower.Follow(image, grid, search.Probe, dpi, corner, rented.AsSpan(0, MaxComponents), search.Shrink, search.Tolerance);
            return followed is null ? null : FromCandidates(followed, format, settings, search.Tolerance, dpi);
        }
        finally
        {
            ArrayPool<DarkComponent>.Shared.Return(rented);
        }
    }

    /// <summary>The border from candidate marks in four strips along the image edges, deep enough for any sheet within specification.</summary>
    internal static BorderSearch SearchStrips(PixelImage image, PageFormat format, RegistrationSettings settings)
    {
        var search = new Search(image, format, settings);
        var grid = format.Grid;
        var dpi = search.Dpi;
        // Deep enough for the marks wherever a sheet within specification puts them: skew up to
        // 5 degrees moves the far end of an edge by 9% of the page, shift and borders by 3%.
        var depthY = (int)Math.Min(image.Height / 3, ((grid.FirstCenter.Y + 0.3) * dpi) + (0.09 * image.Width) + (0.03 * image.Height));
        var depthX = (int)Math.Min(image.Width / 3, ((grid.FirstCenter.X + 0.3) * dpi) + (0.09 * image.Height) + (0.03 * image.Width));
        var (probe, shrink, markH) = (search.Probe, search.Shrink, search.Probe.MarkHeight);
        var rented = ArrayPool<DarkComponent>.Shared.Rent(MaxComponents);
        try
        {
            var buffer = rented.AsSpan(0, MaxComponents);
            var top = BlobCandidates.Find(image, new PixelRect(0, 0, image.Width, depthY), buffer, probe, shrink);
            var bottom = BlobCandidates.Find(image, new PixelRect(0, image.Height - depthY, image.Width, depthY), buffer, probe, shrink);
            var inner = new PixelRect(0, depthY / 2, depthX, image.Height - depthY);
            var left = BlobCandidates.Find(image, inner, buffer, probe, shrink);
            var right = BlobCandidates.Find(image, inner with { X = image.Width - depthX }, buffer, probe, shrink);
            // Corners and the ends of the side columns lie in the top and bottom strips, which the
            // side strips overlap.
            left = BlobCandidates.Merge(left, top.Where(p => p.X < depthX).Concat(bottom.Where(p => p.X < depthX)), markH);
            right = BlobCandidates.Merge(right, top.Where(p => p.X > image.Width - depthX).Concat(bottom.Where(p => p.X > image.Width - depthX)), markH);
            return FromCandidates(new EdgeCandidates(top, bottom, left, right), format, settings, search.Tolerance, dpi);
        }
        finally
        {
            ArrayPool<DarkComponent>.Shared.Return(rented);
        }
    }

    private static BorderSearch FromCandidates(EdgeCandidates candidates, PageFormat format, RegistrationSettings settings, double tolerance, double dpi)
    {
        var grid = format.Grid;
        var topLine = MarkLineFit.Fit(candidates.Top, horizontal: true, tolerance, outerIsLow: true);
        var bottomLine = MarkLineFit.Fit(candidates.Bottom, horizontal: true, tolerance, outerIsLow: false);
        var leftLine = MarkLineFit.Fit(candidates.Left, horizontal: false, tolerance, outerIsLow: true);
        var rightLine = MarkLineFit.Fit(candidates.Right, horizontal: false, tolerance, outerIsLow: false);
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

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    /// <summary>What both searches derive from the image size: the resolution, a mark's size, how far off a line a mark may be.</summary>
    private readonly record struct Search
    {
        public Search(PixelImage image, PageFormat format, RegistrationSettings settings)
        {
            Dpi = image.Width / format.WidthInches;
            Probe = new MarkProbe(format.Grid.MarkWidthInches * Dpi, format.Grid.MarkHeightInches * Dpi, settings.DarkThreshold);
            Tolerance = Math.Max(2.5, Probe.MarkHeight * 0.45);
            // Labelled shrunk to about 100 pixels per inch, where a mark is still a solid blob.
            Shrink = Math.Max(1, (int)Math.Round(Dpi / 100));
        }

        public double Dpi { get; }

        public MarkProbe Probe { get; }

        public double Tolerance { get; }

        public int Shrink { get; }
    }
}
