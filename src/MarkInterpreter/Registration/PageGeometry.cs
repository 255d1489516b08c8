using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// Maps template grid coordinates to pixels of the image as given. Columns of timing marks
/// carry any non-uniform vertical stretch (feed slip), rows of marks any non-uniform width
/// (a scanner's optics, paper bowing across the feed), so a point is placed by a Coons patch
/// through the four rows of marks themselves: interpolated between the nearest marks on the left
/// and right edges, corrected by how far the top and bottom marks of its column sit from even
/// spacing. An upside-down sheet is handled here, never by rotating pixels.
/// </summary>
public sealed class PageGeometry
{
    private readonly PointF[] _left;
    private readonly PointF[] _right;
    private readonly PointF[] _top;
    private readonly PointF[] _bottom;
    private readonly PointF _tl;
    private readonly PointF _tr;
    private readonly PointF _bl;
    private readonly PointF _br;
    private readonly int _columns;
    private readonly int _rows;

    public PageGeometry(TimingMarkBorder border, TimingMarkGrid grid, bool upsideDown, double pixelsPerInch)
    {
        ArgumentNullException.ThrowIfNull(border);
        ArgumentNullException.ThrowIfNull(grid);
        _columns = grid.Columns;
        _rows = grid.Rows;
        UpsideDown = upsideDown;
        PixelsPerInch = pixelsPerInch;
        Border = border;
        // A corner is its mark where the mark was found (the edge lines' intersection otherwise),
        // so the four rows meet there: lines fitted through a slightly bowed column miss it.
        _tl = border.Top[0] ?? border.Left[0] ?? border.TopLeft;
        _tr = border.Top[^1] ?? border.Right[0] ?? border.TopRight;
        _bl = border.Bottom[0] ?? border.Left[^1] ?? border.BottomLeft;
        _br = border.Bottom[^1] ?? border.Right[^1] ?? border.BottomRight;
        _left = Complete(border.Left, _tl, _bl);
        _right = Complete(border.Right, _tr, _br);
        _top = Complete(border.Top, _tl, _tr);
        _bottom = Complete(border.Bottom, _bl, _br);
    }

    /// <summary>True when the sheet was scanned upside down (template top at the image bottom).</summary>
    public bool UpsideDown { get; }

    public double PixelsPerInch { get; }

    public TimingMarkBorder Border { get; }

    /// <summary>The pixel in the image as given where a template grid point lies.</summary>
    public PointF ToPixel(GridPoint p)
    {
        var (c, r) = UpsideDown ? (_columns - 1 - p.Column, _rows - 1 - p.Row) : (p.Column, p.Row);
        var u = c / (_columns - 1);
        var v = r / (_rows - 1);
        var l = Along(_left, r);
        var rr = Along(_right, r);
        var t = Along(_top, c);
        var b = Along(_bottom, c);
        var x = ((1 - u) * l.X) + (u * rr.X) + ((1 - v) * t.X) + (v * b.X)
            - (((1 - u) * (1 - v) * _tl.X) + (u * (1 - v) * _tr.X) + ((1 - u) * v * _bl.X) + (u * v * _br.X));
        var y = ((1 - u) * l.Y) + (u * rr.Y) + ((1 - v) * t.Y) + (v * b.Y)
            - (((1 - u) * (1 - v) * _tl.Y) + (u * (1 - v) * _tr.Y) + ((1 - u) * v * _bl.Y) + (u * v * _br.Y));
        return new PointF(x, y);
    }

    /// <summary>The template grid point shown at a pixel (the inverse of <see cref="ToPixel"/>, by Newton's method).</summary>
    public GridPoint ToGrid(PointF pixel)
    {
        var g = new GridPoint((_columns - 1) / 2.0, (_rows - 1) / 2.0);
        const double H = 0.01;
        for (var i = 0; i < 20; i++)
        {
            var p = ToPixel(g);
            var (ex, ey) = (p.X - pixel.X, p.Y - pixel.Y);
            if ((ex * ex) + (ey * ey) < 1e-8)
            {
                break;
            }

            var pc = ToPixel(new GridPoint(g.Column + H, g.Row));
            var pr = ToPixel(new GridPoint(g.Column, g.Row + H));
            var (a, b, c, d) = ((pc.X - p.X) / H, (pr.X - p.X) / H, (pc.Y - p.Y) / H, (pr.Y - p.Y) / H);
            var det = (a * d) - (b * c);
            g = new GridPoint(g.Column - (((d * ex) - (b * ey)) / det), g.Row - (((a * ey) - (c * ex)) / det));
        }

        return g;
    }

    /// <summary>Pixels per grid column and per grid row near a point (local scale, for sizing ovals).</summary>
    public (double Column, double Row) PixelsPerGridUnit(GridPoint p)
    {
        var a = ToPixel(p);
        var b = ToPixel(new GridPoint(p.Column + 1, p.Row));
        var c = ToPixel(new GridPoint(p.Column, p.Row + 1));
        return (Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y))), Math.Sqrt(((c.X - a.X) * (c.X - a.X)) + ((c.Y - a.Y) * (c.Y - a.Y))));
    }

    /// <summary>The bounding box in pixels of a template rectangle, clipped to the image size given.</summary>
    public PixelRect Bounds(GridRect r, int width, int height)
    {
        var corners = new[] { ToPixel(new(r.Left, r.Top)), ToPixel(new(r.Right, r.Top)), ToPixel(new(r.Left, r.Bottom)), ToPixel(new(r.Right, r.Bottom)) };
        var x0 = Math.Max(0, (int)Math.Floor(corners.Min(p => p.X)));
        var y0 = Math.Max(0, (int)Math.Floor(corners.Min(p => p.Y)));
        var x1 = Math.Min(width, (int)Math.Ceiling(corners.Max(p => p.X)));
        var y1 = Math.Min(height, (int)Math.Ceiling(corners.Max(p => p.Y)));
        return new PixelRect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }

    // Missing marks take the place their neighbours imply; the ends are the corners.
    private static PointF[] Complete(IReadOnlyList<PointF?> marks, PointF first, PointF last)
    {
        var n = marks.Count;
        var result = new PointF[n];
        result[0] = first;
        var previous = 0;
        for (var i = 1; i < n; i++)
        {
            if ((i == n - 1 ? last : marks[i]) is not { } here)
            {
                continue;
            }

            var start = result[previous];
            for (var k = previous + 1; k < i; k++)
            {
                var t = (k - previous) / (double)(i - previous);
                result[k] = new PointF(start.X + ((here.X - start.X) * t), start.Y + ((here.Y - start.Y) * t));
            }

            result[i] = here;
            previous = i;
        }

        return result;
    }

    private static PointF Along(PointF[] marks, double index)
    {
        var i = Math.Clamp((int)Math.Floor(index), 0, marks.Length - 2);
        var t = index - i;
        var a = marks[i];
        var b = marks[i + 1];
        return new PointF(a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));
    }
}
