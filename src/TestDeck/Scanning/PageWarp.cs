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
        _border = settings.BorderPx;
        _outWidth = templateWidth + (2 * _border);
        _outHeight = templateHeight + (2 * _border);
        _stretch = settings.FeedStretch;
        var angle = settings.SkewDegrees * Math.PI / 180;
        _cos = Math.Cos(angle);
        _sin = Math.Sin(angle);
        _scale = settings.Scale;
        _shiftX = settings.ShiftXPx;
        _shiftY = settings.ShiftYPx;
        _upsideDown = settings.UpsideDown;
    }

    public int OutputWidth => (int)_outWidth;

    public int OutputHeight => (int)_outHeight;

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
        var (x2, y2) = _upsideDown ? (_outWidth - 1 - q.X, _outHeight - 1 - q.Y) : (q.X, q.Y);
        var cx = (_width - 1) / 2;
        var cy = (_height - 1) / 2;
        var ux = x2 - _border - _shiftX - cx;
        var uy = y2 - _border - _shiftY - cy;
        var dx = ((ux * _cos) + (uy * _sin)) / _scale;
        var dy = ((-ux * _sin) + (uy * _cos)) / _scale;
        var yStretched = cy + dy;
        var y = yStretched;
        for (var i = 0; i < 6; i++)
        {
            y = yStretched - (_stretch * _height / Math.PI * Math.Sin(Math.PI * y / _height));
        }

        return new PointF(cx + dx, y);
    }

    /// <summary>Fills remap tables: for each scan pixel, the template coordinates it samples.</summary>
    public void FillMaps(Span<float> mapX, Span<float> mapY)
    {
        var w = OutputWidth;
        var h = OutputHeight;
        // Rows of the inverse are computed exactly at a coarse step and interpolated between:
        // the warp is smooth, and exact per-pixel inversion would dominate the simulator's time.
        const int Step = 8;
        for (var y = 0; y < h; y++)
        {
            var row = y * w;
            for (var x0 = 0; x0 < w; x0 += Step)
            {
                var x1 = Math.Min(x0 + Step, w - 1);
                var a = Inverse(new PointF(x0, y));
                var b = Inverse(new PointF(x1, y));
                var n = Math.Max(1, x1 - x0);
                for (var x = x0; x < Math.Min(x0 + Step, w); x++)
                {
                    var t = (x - x0) / (double)n;
                    mapX[row + x] = (float)(a.X + ((b.X - a.X) * t));
                    mapY[row + x] = (float)(a.Y + ((b.Y - a.Y) * t));
                }
            }

            if (w % Step == 1)
            {
                var last = Inverse(new PointF(w - 1, y));
                mapX[row + w - 1] = (float)last.X;
                mapY[row + w - 1] = (float)last.Y;
            }
        }
    }
}
