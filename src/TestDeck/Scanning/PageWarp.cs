using CentralCount.Imaging;

namespace CentralCount.TestDeck.Scanning;

/// <summary>
/// The geometric part of a simulated scan: template pixel → scan pixel. Feed slip stretches
/// rows non-uniformly, then the sheet is scaled and rotated about its centre and shifted, and
/// maybe turned upside down. Used forward for ground truth and inverted to resample the page.
/// </summary>
public sealed class PageWarp
{
    private readonly double _width;
    private readonly double _height;
    private readonly double _outWidth;
    private readonly double _outHeight;
    private readonly double _stretch;
    private readonly double _cos;
    private readonly double _sin;
    private readonly double _scale;
    private readonly double _shiftX;
    private readonly double _shiftY;
    private readonly bool _upsideDown;
    private readonly int _border;

    public PageWarp(int templateWidth, int templateHeight, ScanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _width = templateWidth;
        _height = templateHeight;
        _stretch = settings.FeedStretch;
        var angle = settings.SkewDegrees * Math.PI / 180;
        _cos = Math.Cos(angle);
        _sin = Math.Sin(angle);
        _scale = settings.Scale;
        // A scanner's bed is wider than the paper: the scan always holds the whole sheet,
        // however it is skewed, scaled or shifted, with at least the border asked for.
        var halfX = _scale * ((_width / 2 * Math.Abs(_cos)) + (_height / 2 * Math.Abs(_sin)));
        var halfY = _scale * ((_width / 2 * Math.Abs(_sin)) + (_height / 2 * Math.Abs(_cos)));
        var needed = Math.Max(halfX - (_width / 2) + Math.Abs(settings.ShiftXPx), halfY - (_height / 2) + Math.Abs(settings.ShiftYPx) + (Math.Abs(_stretch) * _height / Math.PI));
        _border = Math.Max(settings.BorderPx, (int)Math.Ceiling(needed) + 2);
        _outWidth = templateWidth + (2 * _border);
        _outHeight = templateHeight + (2 * _border);
        _shiftX = settings.ShiftXPx;
        _shiftY = settings.ShiftYPx;
        _upsideDown = settings.UpsideDown;
    }

    public int OutputWidth => (int)_outWidth;

    public int OutputHeight => (int)_outHeight;

    /// <summary>True when there is no feed slip, so the whole warp is one affine map.</summary>
    public bool IsAffine => _stretch == 0;

    /// <summary>The forward map as a 2 × 3 matrix (template → scan); exact only when <see cref="IsAffine"/>.</summary>
    public double[] AffineMatrix()
    {
        var cx = (_width - 1) / 2;
        var cy = (_height - 1) / 2;
        var a = _scale * _cos;
        var b = -_scale * _sin;
        var c = _scale * _sin;
        var d = _scale * _cos;
        var tx = cx - (a * cx) - (b * cy) + _shiftX + _border;
        var ty = cy - (c * cx) - (d * cy) + _shiftY + _border;
        return _upsideDown
            ? [-a, -b, _outWidth - 1 - tx, -c, -d, _outHeight - 1 - ty]
            : [a, b, tx, c, d, ty];
    }

    /// <summary>Where a template pixel lands on the scan.</summary>
    public PointF Forward(PointF p)
    {
        var y = p.Y + (_stretch * _height / Math.PI * Math.Sin(Math.PI * p.Y / _height));
        var cx = (_width - 1) / 2;
        var cy = (_height - 1) / 2;
        var dx = (p.X - cx) * _scale;
        var dy = (y - cy) * _scale;
        var x2 = cx + (dx * _cos) - (dy * _sin) + _shiftX + _border;
        var y2 = cy + (dx * _sin) + (dy * _cos) + _shiftY + _border;
        return _upsideDown ? new PointF(_outWidth - 1 - x2, _outHeight - 1 - y2) : new PointF(x2, y2);
    }

    /// <summary>Which template pixel a scan pixel shows (the inverse of <see cref="Forward"/>).</summary>
    public PointF Inverse(PointF q)
    {
        var d = InverseAffine(q);
        var yStretched = ((_height - 1) / 2) + d.Y;
        var y = yStretched;
        for (var i = 0; i < 6; i++)
        {
            y = yStretched - (_stretch * _height / Math.PI * Math.Sin(Math.PI * y / _height));
        }

        return new PointF(((_width - 1) / 2) + d.X, y);
    }

    /// <summary>Fills remap tables: for each scan pixel, the template coordinates it samples.</summary>
    public void FillMaps(Span<float> mapX, Span<float> mapY)
    {
        // The warp is smooth (its second derivative is below 1e-5 px/px²), so it is computed
        // exactly on a 16-pixel grid and interpolated linearly in between: errors stay under
        // a thousandth of a pixel, and the per-pixel work is two additions.
        const int Step = 16;
        var w = OutputWidth;
        var h = OutputHeight;
        var gw = ((w - 1) / Step) + 2;
        var gh = ((h - 1) / Step) + 2;
        var gridX = new double[gw * gh];
        var gridY = new double[gw * gh];
        for (var j = 0; j < gh; j++)
        {
            for (var i = 0; i < gw; i++)
            {
                var p = Inverse(new PointF(i * Step, j * Step));
                gridX[(j * gw) + i] = p.X;
                gridY[(j * gw) + i] = p.Y;
            }
        }

        var rowX = new double[gw];
        var rowY = new double[gw];
        for (var y = 0; y < h; y++)
        {
            var j = y / Step;
            var ty = (y - (j * Step)) / (double)Step;
            for (var i = 0; i < gw; i++)
            {
                var a = (j * gw) + i;
                rowX[i] = gridX[a] + ((gridX[a + gw] - gridX[a]) * ty);
                rowY[i] = gridY[a] + ((gridY[a + gw] - gridY[a]) * ty);
            }

            var outX = mapX.Slice(y * w, w);
            var outY = mapY.Slice(y * w, w);
            for (var i = 0; i + 1 < gw; i++)
            {
                var x0 = i * Step;
                var count = Math.Min(Step, w - x0);
                if (count <= 0)
                {
                    break;
                }

                var vx = (float)rowX[i];
                var vy = (float)rowY[i];
                var dx = (float)((rowX[i + 1] - rowX[i]) / Step);
                var dy = (float)((rowY[i + 1] - rowY[i]) / Step);
                for (var k = 0; k < count; k++)
                {
                    outX[x0 + k] = vx + (dx * k);
                    outY[x0 + k] = vy + (dy * k);
                }
            }
        }
    }

    // Template coordinates relative to the page centre, before feed slip is undone.
    private PointF InverseAffine(PointF q)
    {
        var (x2, y2) = _upsideDown ? (_outWidth - 1 - q.X, _outHeight - 1 - q.Y) : (q.X, q.Y);
        var cx = (_width - 1) / 2;
        var cy = (_height - 1) / 2;
        var ux = x2 - _border - _shiftX - cx;
        var uy = y2 - _border - _shiftY - cy;
        return new PointF(((ux * _cos) + (uy * _sin)) / _scale, ((-ux * _sin) + (uy * _cos)) / _scale);
    }
}
