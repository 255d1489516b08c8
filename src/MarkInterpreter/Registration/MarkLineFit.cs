using System.Runtime.InteropServices;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// The straight line of one edge's timing marks among candidate centres that also hold strays
/// (words, lines, blots): the line through most of them, refitted by least squares.
/// </summary>
internal static class MarkLineFit
{
    // Along the edge, then across it: a total order, so equal positions cannot reorder the search.
    private static readonly Comparison<PointF> AlongRow = (a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y);
    private static readonly Comparison<PointF> AlongColumn = (a, b) => a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X.CompareTo(b.X);

    public static (EdgeLine Line, List<PointF> Inliers)? Fit(List<PointF> candidates, bool horizontal, double tolerance, bool outerIsLow)
    {
        if (candidates.Count < 3)
        {
            return null;
        }

        // Lines through pairs of near neighbours along the edge; the one through most marks
        // wins, and on a tie the one nearer the paper's edge (text rarely lines up so well).
        var sorted = new List<PointF>(candidates);
        sorted.Sort(horizontal ? AlongRow : AlongColumn);
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

            // A line through every candidate cannot be beaten, and any other one through every
            // candidate gives the same inliers and so the same refitted line: the search is over.
            if (best?.Count == sorted.Count)
            {
                break;
            }
        }

        if (best is null || best.Value.Count < 3)
        {
            return null;
        }

        var inliers = Near(sorted, best.Value.Line, tolerance);
        var fitted = EdgeLine.Fit(CollectionsMarshal.AsSpan(inliers));
        inliers = Near(sorted, fitted, tolerance);
        fitted = EdgeLine.Fit(CollectionsMarshal.AsSpan(inliers));
        // Keep the direction pointing along increasing x (rows) or y (columns).
        if ((horizontal ? fitted.DirectionX : fitted.DirectionY) < 0)
        {
            fitted = fitted with { DirectionX = -fitted.DirectionX, DirectionY = -fitted.DirectionY };
        }

        return (fitted, inliers);
    }

    private static List<PointF> Near(List<PointF> points, EdgeLine line, double tolerance)
    {
        var near = new List<PointF>(points.Count);
        foreach (var p in points)
        {
            if (line.Distance(p) <= tolerance)
            {
                near.Add(p);
            }
        }

        return near;
    }
}
