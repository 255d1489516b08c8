using CentralCount.Election.Layout;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>An axis-aligned rectangle in inches relative to an oval's centre (template orientation).</summary>
public readonly record struct InchRect(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Top && y <= Bottom;
}

/// <summary>
/// Where evidence for one position is gathered, in inches from its oval's centre: the oval's
/// half-axes, the zone around it (no further than halfway to the next position, so each mark
/// is weighed once), the printed name and the write-in area when the layout gives them.
/// </summary>
public sealed record EvidenceZone(VotingPosition Position, InchPoint Center, double Rx, double Ry, InchRect Zone, InchRect? Label, InchRect? WriteIn)
{
    /// <summary>True when a blank rendering tells print from ink around the oval; otherwise only the oval itself is read.</summary>
    public bool SeesSurroundings { get; init; }

    /// <summary>Cell size of the ink grid: fine enough that a pen stroke always crosses a sample.</summary>
    public const double CellInches = 0.015;

    public int Columns => (int)Math.Ceiling(Zone.Width / CellInches);

    public int Rows => (int)Math.Ceiling(Zone.Height / CellInches);

    /// <summary>The zones of every position on a page: bounded by half the gap to the nearest other position.</summary>
    public static IReadOnlyList<EvidenceZone> ForPage(PageLayout page, PageFormat format, bool hasReference)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(format);
        var grid = format.Grid;
        var (rx, ry) = (format.BubbleWidthInches / 2, format.BubbleHeightInches / 2);
        var centers = page.Positions.Select(p => grid.ToInches(p.Center)).ToList();
        var zones = new List<EvidenceZone>(page.Positions.Count);
        for (var i = 0; i < page.Positions.Count; i++)
        {
            var p = page.Positions[i];
            var c = centers[i];
            var (up, down) = (0.2, 0.2);
            for (var j = 0; j < centers.Count; j++)
            {
                var o = centers[j];
                if (j == i || Math.Abs(o.X - c.X) > 0.3)
                {
                    continue;
                }

                var dy = o.Y - c.Y;
                if (dy > 0)
                {
                    down = Math.Min(down, dy / 2);
                }
                else if (dy < 0)
                {
                    up = Math.Min(up, -dy / 2);
                }
            }

            InchRect? Rel(GridRect? r)
            {
                if (r is not { } g)
                {
                    return null;
                }

                var a = grid.ToInches(new GridPoint(g.Left, g.Top));
                var b = grid.ToInches(new GridPoint(g.Right, g.Bottom));
                return new InchRect(a.X - c.X, a.Y - c.Y, b.X - c.X, b.Y - c.Y);
            }

            var label = hasReference ? Rel(p.LabelArea) : null;
            var writeIn = hasReference ? Rel(p.WriteInArea) : null;
            // Without a blank reference only the oval's own surroundings can be told from print.
            var reach = hasReference ? 3.2 : 1.7;
            var zone = new InchRect(-reach * rx, -Math.Max(up, 1.7 * ry), reach * rx, Math.Max(down, 1.7 * ry));
            if (!hasReference)
            {
                zone = zone with { Top = -1.7 * ry, Bottom = 1.7 * ry };
            }

            foreach (var extra in new[] { label, writeIn })
            {
                if (extra is { } e)
                {
                    zone = new InchRect(Math.Min(zone.Left, e.Left), Math.Min(zone.Top, e.Top), Math.Max(zone.Right, e.Right), Math.Max(zone.Bottom, e.Bottom));
                }
            }

            zones.Add(new EvidenceZone(p, c, rx, ry, zone, label, writeIn) { SeesSurroundings = hasReference });
        }

        return zones;
    }
}
