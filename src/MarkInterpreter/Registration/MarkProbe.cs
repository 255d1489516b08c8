using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// Measures one timing mark at full resolution near where it is expected: the centre of its ink,
/// each pixel weighted by how dark it is beyond the paper (sub-pixel, and indifferent to how a
/// shrunk blob was cut), and whether what is there is a mark at all.
/// </summary>
internal readonly record struct MarkProbe(double MarkWidth, double MarkHeight, byte Threshold)
{
    // How far the measuring window reaches past the mark, so a mark off its prediction by this much is still whole in it.
    private const int Margin = 4;

    /// <summary>Darkness at which a pixel starts to weigh: halfway between the threshold and white.</summary>
    private int Paper => Threshold + ((255 - Threshold) / 2);

    /// <summary>The ink centre in a window of a mark's size around a point, widened by a margin.</summary>
    public PointF Centroid(PixelImage image, PointF around, int margin)
    {
        var x0 = Math.Max(0, (int)Math.Round(around.X - (MarkWidth / 2)) - margin);
        var y0 = Math.Max(0, (int)Math.Round(around.Y - (MarkHeight / 2)) - margin);
        var x1 = Math.Min(image.Width, (int)Math.Round(around.X - (MarkWidth / 2)) + (int)Math.Ceiling(MarkWidth) + margin);
        var y1 = Math.Min(image.Height, (int)Math.Round(around.Y - (MarkHeight / 2)) + (int)Math.Ceiling(MarkHeight) + margin);
        long sum = 0, sx = 0, sy = 0;
        var paper = (byte)Paper;
        for (var y = y0; y < y1; y++)
        {
            var (rowSum, moment) = RowSums.InkWeight(image.Row(y)[x0..Math.Max(x0, x1)], paper);
            sum += rowSum;
            sx += moment + (rowSum * x0);
            sy += rowSum * y;
        }

        return sum == 0 ? around : new PointF((double)sx / sum, (double)sy / sum);
    }

    /// <summary>
    /// The mark found near a predicted centre, or null when there is none: too little ink where
    /// the mark must be, ink all round it (a blot, a dark border), or the ink too far away.
    /// </summary>
    public PointF? Measure(PixelImage image, PointF predicted, double alongX, double alongY, double maxAlong, double maxAcross)
    {
        // A window wider than the mark by the margin holds all of it when the prediction is
        // within the margin, and then one pass is exact; a further pass only when it moved far.
        var centre = predicted;
        for (var pass = 0; pass < 3; pass++)
        {
            var next = Centroid(image, centre, Margin);
            var moved = Math.Max(Math.Abs(next.X - centre.X), Math.Abs(next.Y - centre.Y));
            centre = next;
            if (moved < Margin / 2.0)
            {
                break;
            }
        }

        var dx = centre.X - predicted.X;
        var dy = centre.Y - predicted.Y;
        var along = (dx * alongX) + (dy * alongY);
        var across = (dy * alongX) - (dx * alongY);
        return Math.Abs(along) <= maxAlong && Math.Abs(across) <= maxAcross && IsSolidMark(image, centre) ? centre : null;
    }

    /// <summary>
    /// Asks for the pixels a mark near this point will be measured from, ahead of measuring it:
    /// the marks run down the page edges, one fresh stretch of memory each, and the wait for
    /// memory is hidden while the mark before is measured.
    /// </summary>
    public void Prefetch(PixelImage image, PointF around)
    {
        var reach = Ring + Margin;
        image.Prefetch((int)(around.X - (MarkWidth / 2)) - reach, (int)(around.Y - (MarkHeight / 2)) - reach,
            (int)(around.X + (MarkWidth / 2)) + reach, (int)(around.Y + (MarkHeight / 2)) + reach);
    }

    // Width of the light ring the solid-mark check looks at outside the mark's box.
    private int Ring => (int)Math.Max(3, Math.Round(MarkHeight * 0.4));

    /// <summary>Most of the mark's box is dark and little of a ring just outside it is.</summary>
    public bool IsSolidMark(PixelImage image, PointF centre)
    {
        var bx0 = (int)Math.Round(centre.X - (MarkWidth / 2));
        var by0 = (int)Math.Round(centre.Y - (MarkHeight / 2));
        var bx1 = bx0 + (int)Math.Round(MarkWidth);
        var by1 = by0 + (int)Math.Round(MarkHeight);
        // Shrunk by a pixel, for a mark's soft or skewed edge; the ring starts past that slack.
        var (ix0, iy0, ix1, iy1) = (bx0 + 1, by0 + 1, bx1 - 1, by1 - 1);
        var ring = Ring;
        var (ox0, oy0, ox1, oy1) = (bx0 - ring, by0 - ring, bx1 + ring, by1 + ring);
        if (ox0 < 0 || oy0 < 0 || ox1 > image.Width || oy1 > image.Height || ix1 <= ix0 || iy1 <= iy0)
        {
            return false;
        }

        int inside = 0, insideDark = 0, outside = 0, outsideDark = 0;
        const int Slack = 2;
        for (var y = oy0; y < oy1; y++)
        {
            var row = image.Row(y);
            if (y < by0 - Slack || y >= by1 + Slack)
            {
                outside += ox1 - ox0;
                outsideDark += RowSums.CountBelow(row[ox0..ox1], Threshold);
                continue;
            }

            // Beside the box: the ring's columns left and right of it, past the slack.
            outside += (bx0 - Slack - ox0) + (ox1 - (bx1 + Slack));
            outsideDark += RowSums.CountBelow(row[ox0..(bx0 - Slack)], Threshold) + RowSums.CountBelow(row[(bx1 + Slack)..ox1], Threshold);
            if (y >= iy0 && y < iy1)
            {
                inside += ix1 - ix0;
                insideDark += RowSums.CountBelow(row[ix0..ix1], Threshold);
            }
        }

        return insideDark >= inside * 0.6 && outsideDark <= outside * 0.2;
    }
}
