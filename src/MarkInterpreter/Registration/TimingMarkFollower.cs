using System.Runtime.InteropServices;
using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>Candidate timing-mark centres along each edge of a page.</summary>
internal sealed record EdgeCandidates(List<PointF> Top, List<PointF> Bottom, List<PointF> Left, List<PointF> Right);

/// <summary>
/// Finds the timing marks of a page within specification cheaply: the marks near the top-left
/// corner say where the border starts, which way its edges run and how far apart the marks are;
/// the top row and the side columns are then followed mark by mark, each looked for only where
/// the marks before it say it must be (so feed slip that stretches the page unevenly is
/// followed), and the bottom row between the ends of the columns (where a VxSuite card leaves
/// marks out on purpose). About a tenth of the pixels the whole-border search labels. Returns
/// null when the corner cannot be read; the caller then searches the whole border.
/// </summary>
internal static class TimingMarkFollower
{
    public static EdgeCandidates? Follow(PixelImage image, TimingMarkGrid grid, MarkProbe probe, double dpi, PixelRect corner, Span<DarkComponent> buffer, int shrink, double tolerance)
    {
        var marks = BlobCandidates.Find(image, corner, buffer, probe, shrink);
        var top = MarkLineFit.Fit(marks, horizontal: true, tolerance, outerIsLow: true);
        var left = MarkLineFit.Fit(marks, horizontal: false, tolerance, outerIsLow: true);
        if (top is null || left is null || top.Value.Line.Intersect(left.Value.Line) is not { } start)
        {
            return null;
        }

        var columnStep = Pitch(top.Value, grid.ColumnPitchInches * dpi);
        var rowStep = Pitch(left.Value, grid.RowPitchInches * dpi);
        var across = probe.MarkHeight * 0.45;
        var topRow = Track(image, probe, start, Direction(top.Value.Line), columnStep, grid.Columns, across);
        var leftColumn = Track(image, probe, start, Direction(left.Value.Line), rowStep, grid.Rows, across);
        var rightColumn = Track(image, probe, topRow.End, leftColumn.Direction, rowStep, grid.Rows, across);
        var bottomRow = Between(image, probe, leftColumn.End, rightColumn.End, grid.Columns, across);
        return new EdgeCandidates(Found(topRow.Marks), Found(bottomRow), Found(leftColumn.Marks), Found(rightColumn.Marks));
    }

    /// <summary>
    /// Marks one after another from a start, each looked for one step on from the last found
    /// (further across a gap), on the line through the last few found: printed marks wobble a
    /// pixel or three across their column, which no single mark may turn the search by.
    /// </summary>
    private static (PointF?[] Marks, PointF End, (double X, double Y) Direction) Track(
        PixelImage image, MarkProbe probe, PointF start, (double X, double Y) direction, double step, int count, double maxAcross)
    {
        const int Recent = 12;
        var marks = new PointF?[count];
        var recent = new List<PointF>(count);
        var first = probe.Measure(image, start, direction.X, direction.Y, step * 0.3, maxAcross);
        marks[0] = first;
        var line = new EdgeLine(first ?? start, direction.X, direction.Y);
        var lastAlong = 0.0;
        var lastIndex = 0;
        if (first is { } p0)
        {
            recent.Add(p0);
        }

        for (var i = 1; i < count; i++)
        {
            var along = lastAlong + (step * (i - lastIndex));
            var predicted = new PointF(line.Origin.X + (line.DirectionX * along), line.Origin.Y + (line.DirectionY * along));
            probe.Prefetch(image, new PointF(predicted.X + (line.DirectionX * step), predicted.Y + (line.DirectionY * step)));
            if (probe.Measure(image, predicted, line.DirectionX, line.DirectionY, step * 0.3, maxAcross) is not { } found)
            {
                continue;
            }

            marks[i] = found;
            var foundAlong = line.Along(found);
            step = (step + ((foundAlong - lastAlong) / (i - lastIndex))) / 2;
            recent.Add(found);
            if (recent.Count >= 3)
            {
                var fitted = EdgeLine.Fit(CollectionsMarshal.AsSpan(recent)[Math.Max(0, recent.Count - Recent)..]);
                // Keep pointing the way the edge is followed.
                line = (fitted.DirectionX * line.DirectionX) + (fitted.DirectionY * line.DirectionY) < 0
                    ? fitted with { DirectionX = -fitted.DirectionX, DirectionY = -fitted.DirectionY }
                    : fitted;
            }

            lastAlong = line.Along(found);
            lastIndex = i;
        }

        var endAlong = lastAlong + (step * (count - 1 - lastIndex));
        var end = marks[count - 1] ?? new PointF(line.Origin.X + (line.DirectionX * endAlong), line.Origin.Y + (line.DirectionY * endAlong));
        return (marks, end, (line.DirectionX, line.DirectionY));
    }

    /// <summary>Marks evenly spaced between two ends: the scanner's sensor row does not stretch.</summary>
    private static PointF?[] Between(PixelImage image, MarkProbe probe, PointF from, PointF to, int count, double maxAcross)
    {
        var marks = new PointF?[count];
        var length = Math.Sqrt(((to.X - from.X) * (to.X - from.X)) + ((to.Y - from.Y) * (to.Y - from.Y)));
        var (dx, dy) = ((to.X - from.X) / length, (to.Y - from.Y) / length);
        var step = length / (count - 1);
        for (var i = 0; i < count; i++)
        {
            var predicted = new PointF(from.X + (dx * step * i), from.Y + (dy * step * i));
            probe.Prefetch(image, new PointF(predicted.X + (dx * step), predicted.Y + (dy * step)));
            marks[i] = probe.Measure(image, predicted, dx, dy, step * 0.3, maxAcross);
        }

        return marks;
    }

    /// <summary>The distance between neighbouring marks among a corner's inliers, or the nominal one.</summary>
    private static double Pitch((EdgeLine Line, List<PointF> Inliers) edge, double nominal)
    {
        var along = edge.Inliers.Select(edge.Line.Along).Order().ToList();
        var steps = new List<double>();
        for (var i = 1; i < along.Count; i++)
        {
            var marksApart = Math.Round((along[i] - along[i - 1]) / nominal);
            if (marksApart >= 1)
            {
                steps.Add((along[i] - along[i - 1]) / marksApart);
            }
        }

        if (steps.Count == 0)
        {
            return nominal;
        }

        steps.Sort();
        return steps[steps.Count / 2];
    }

    private static (double X, double Y) Direction(EdgeLine line) => (line.DirectionX, line.DirectionY);

    private static List<PointF> Found(PointF?[] marks)
    {
        var list = new List<PointF>(marks.Length);
        foreach (var mark in marks)
        {
            if (mark is { } p)
            {
                list.Add(p);
            }
        }

        return list;
    }
}
