using CentralCount.Election.Rules;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>How one position reads: its class, and what else the voter wrote there.</summary>
/// <param name="Class">The mark class.</param>
/// <param name="WordsBeside">Words written by an option that is also marked otherwise (2402(2)(h)).</param>
/// <param name="WrittenIn">Ink in the write-in area (a name or a comment; the board reads it).</param>
public sealed record MarkReading(MarkClass Class, bool WordsBeside, bool WrittenIn);

/// <summary>
/// Turns the evidence at a position into a mark class. The oval's own ink decides first (a fill,
/// a residue, strokes leaving the outline, a dot); the shapes around it decide only when the
/// oval is clean, except a line through oval and name, which crosses an option out.
/// </summary>
public static class ClassifyMark
{
    public static MarkReading Classify(BubbleEvidence e, EvidenceZone zone, MarkThresholds t)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(t);
        var writtenIn = zone.WriteIn is not null && e.WriteInInk >= 4 * t.MinimumInkInches;
        var around = e.Shapes.Where(s => s.InWriteIn < 0.5).ToList();
        var words = zone.Label is { } label && zone.WriteIn is null && around.Any(s => IsWords(s, zone, label));
        var inOval = OvalClass(e, t);
        if (inOval is MarkClass.Filled or MarkClass.Erasure)
        {
            return new MarkReading(inOval, words, writtenIn);
        }

        if (zone.Label is { } l && zone.WriteIn is null && e.Lobes >= 2 && around.Any(s => IsCrossingOut(s, zone, l)))
        {
            return new MarkReading(MarkClass.CrossedOut, false, writtenIn);
        }

        if (inOval != MarkClass.Empty)
        {
            return new MarkReading(inOval, words, writtenIn);
        }

        var outside = zone.SeesSurroundings ? AroundClass(e, around, zone) : MarkClass.Empty;
        return new MarkReading(outside, false, writtenIn);
    }

    private static MarkClass OvalClass(BubbleEvidence e, MarkThresholds t)
    {
        // Crossing strokes with their blurred edges can cover an oval's halves as well as a light
        // fill does; an X's arms leave the oval, a fill's strokes stay inside it.
        var covered = e.WeakestHalf >= t.FilledCoverage && e.Fill >= t.FilledCoverage / 2;
        if (covered && (e.Lobes <= 2 || e.Fill >= t.FilledCoverage))
        {
            return MarkClass.Filled;
        }

        if (e.Residue >= t.ResidueCoverage && e.Fill < t.PartialCoverage)
        {
            return MarkClass.Erasure;
        }

        if (e.Fill < t.MarkCoverage)
        {
            return MarkClass.Empty;
        }

        return e.Lobes switch
        {
            0 => e.Fill >= t.PartialCoverage ? MarkClass.Partial : MarkClass.Hesitation,
            1 => MarkClass.Check,
            2 => MarkClass.Slash,
            _ => MarkClass.Cross,
        };
    }

    private static MarkClass AroundClass(BubbleEvidence e, List<InkShape> around, EvidenceZone z)
    {
        var (rx, ry) = (z.Rx, z.Ry);
        if (z.Label is { } l)
        {
            // A line from the name that ends at the oval (an arrow): it crosses the printed name, so
            // the print breaks it into pieces along the name's line.
            var band = Band(around, z, l);
            if (band.Count > 0 && band.Min(s => s.Bounds.Left) < 2.3 * rx && band.Max(s => s.Bounds.Right) > l.Left + (0.15 * l.Width)
                && !band.Any(s => IsUnderline(s, z, l)))
            {
                return MarkClass.ConnectiveLine;
            }
        }

        // A blob beside the oval, measured by how much darker than the blank that area is, so
        // a blob over the printed name counts as well as one on clear paper.
        if (e.Beside >= 0.25)
        {
            return MarkClass.OutsideNear;
        }

        // A ring round the oval; print nearby (the box's edge, the name) may break it into arcs.
        var near = around.Where(s => s.Bounds.Left > -3 * rx && s.Bounds.Right < 3 * rx && s.Bounds.Top > -3.2 * ry && s.Bounds.Bottom < 3.2 * ry).ToList();
        if (near.Count > 0)
        {
            var (left, right, top, bottom) = (near.Min(s => s.Bounds.Left), near.Max(s => s.Bounds.Right), near.Min(s => s.Bounds.Top), near.Max(s => s.Bounds.Bottom));
            if (top < -1.5 * ry && bottom > 1.5 * ry && right - left > 2.4 * rx && (left < -1.2 * rx || right > 1.2 * rx))
            {
                return MarkClass.CircledOval;
            }
        }

        if (z.Label is { } label)
        {
            foreach (var s in around)
            {
                var loop = s.Bounds.Width >= 0.4 * label.Width && s.Bounds.Height >= 0.6 * label.Height;
                if (loop || IsUnderline(s, z, label))
                {
                    return MarkClass.NameMarked;
                }
            }

            if (around.Any(s => IsWords(s, z, label)))
            {
                return MarkClass.Words;
            }
        }

        return MarkClass.Empty;
    }

    // Thin pieces of ink along the line of the name, near the oval's own height.
    private static List<InkShape> Band(List<InkShape> around, EvidenceZone z, InchRect label) =>
        [.. around.Where(s => s.Bounds.Height < 0.5 * label.Height && (s.InLabel >= 0.3 || s.TouchesOval) && s.Bounds.Right > 0
            && Math.Abs((s.Bounds.Top + s.Bounds.Bottom) / 2) < 1.6 * z.Ry && s.Bounds.Left < label.Left + (0.5 * label.Width))];

    private static bool IsUnderline(InkShape s, EvidenceZone z, InchRect label) =>
        s.Bounds.Width >= 0.3 && s.Bounds.Height <= 0.25 * label.Height && s.Bounds.Left > 1.2 * z.Rx && s.Bounds.Right > label.Left + (0.5 * label.Width);

    private static bool IsWords(InkShape s, EvidenceZone z, InchRect label) =>
        !s.TouchesOval && s.InLabel >= 0.5 && s.Bounds.Left > 1.5 * z.Rx && s.Bounds.Width < 0.4 * label.Width && s.Bounds.Height > 0.15 * label.Height;

    // A line through the oval that runs on across the name.
    private static bool IsCrossingOut(InkShape s, EvidenceZone z, InchRect label) =>
        s.Bounds.Right > label.Left + (0.5 * label.Width) && s.Bounds.Height < 0.5 * label.Height && Math.Abs((s.Bounds.Top + s.Bounds.Bottom) / 2) < 1.6 * z.Ry;
}
