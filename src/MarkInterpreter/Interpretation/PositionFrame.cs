using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>
/// The page geometry near one voting position, as a local affine map from template offsets
/// (inches from the oval's centre, template orientation) to pixels of the image as given. Over
/// the few inches around an oval the Coons patch is affine to well under a pixel, so marks are
/// sampled through this frame and the page is never resampled.
/// </summary>
public readonly struct PositionFrame
{
    private readonly double _ox, _oy, _xx, _xy, _yx, _yy, _ixx, _ixy, _iyx, _iyy;

    public PositionFrame(PointF origin, PointF perInchAlongX, PointF perInchAlongY)
    {
        (_ox, _oy) = (origin.X, origin.Y);
        (_xx, _xy, _yx, _yy) = (perInchAlongX.X, perInchAlongX.Y, perInchAlongY.X, perInchAlongY.Y);
        var det = (_xx * _yy) - (_yx * _xy);
        (_ixx, _ixy, _iyx, _iyy) = (_yy / det, -_yx / det, -_xy / det, _xx / det);
        PixelsPerInch = Math.Sqrt(Math.Abs(det));
    }

    public double PixelsPerInch { get; }

    /// <summary>The frame at a located position: origin on the printed oval, axes from the geometry's local derivatives.</summary>
    public static PositionFrame At(PageGeometry geometry, TimingMarkGrid grid, LocatedPosition located)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(located);
        var c = located.Position.Center;
        var left = geometry.ToPixel(new GridPoint(c.Column - 1, c.Row));
        var right = geometry.ToPixel(new GridPoint(c.Column + 1, c.Row));
        var up = geometry.ToPixel(new GridPoint(c.Column, c.Row - 1));
        var down = geometry.ToPixel(new GridPoint(c.Column, c.Row + 1));
        var col = 2 * grid.ColumnPitchInches;
        var row = 2 * grid.RowPitchInches;
        return new PositionFrame(located.Center,
            new PointF((right.X - left.X) / col, (right.Y - left.Y) / col),
            new PointF((down.X - up.X) / row, (down.Y - up.Y) / row));
    }

    /// <summary>The frame of an undistorted rendering: pixel = inch × dpi − ½.</summary>
    public static PositionFrame Rendered(InchPoint center, double dpi) =>
        new(new PointF((center.X * dpi) - 0.5, (center.Y * dpi) - 0.5), new PointF(dpi, 0), new PointF(0, dpi));

    public PointF ToPixel(double dx, double dy) => new(_ox + (dx * _xx) + (dy * _yx), _oy + (dx * _xy) + (dy * _yy));

    /// <summary>The template offset (inches) shown at a pixel.</summary>
    public (double Dx, double Dy) ToInches(double x, double y)
    {
        var (px, py) = (x - _ox, y - _oy);
        return ((px * _ixx) + (py * _ixy), (px * _iyx) + (py * _iyy));
    }
}
