using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// Candidate timing marks in a region: its dark blobs, labelled shrunk to about 100 pixels per
/// inch (a mark is still a solid blob there), kept when shaped like a mark, and each measured
/// again at full resolution.
/// </summary>
internal static class BlobCandidates
{
    public static List<PointF> Find(PixelImage image, PixelRect region, Span<DarkComponent> buffer, MarkProbe probe, int shrink)
    {
        var count = Math.Min(DarkComponents.Find(image, region, probe.Threshold, buffer, shrink: shrink), buffer.Length);
        var (markW, markH) = (probe.MarkWidth, probe.MarkHeight);
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
                // A mark cut by the region's edge gives a short blob: measure the whole mark, in a
                // window of a mark's size around the blob, twice to centre the window on it.
                var centre = new PointF(c.CenterX, c.CenterY);
                for (var pass = 0; pass < 2; pass++)
                {
                    centre = probe.Centroid(image, centre, shrink + 2);
                }

                result.Add(centre);
            }
        }

        return result;
    }

    /// <summary>Adds the marks of another region that overlaps this one; a mark found twice is one mark.</summary>
    public static List<PointF> Merge(List<PointF> marks, IEnumerable<PointF> more, double markH)
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
}
