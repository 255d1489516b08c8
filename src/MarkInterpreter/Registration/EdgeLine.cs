using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>A straight line through a point with a unit direction.</summary>
public readonly record struct EdgeLine(PointF Origin, double DirectionX, double DirectionY)
{
    public double Distance(PointF p) => Math.Abs(((p.X - Origin.X) * DirectionY) - ((p.Y - Origin.Y) * DirectionX));

    public double Along(PointF p) => ((p.X - Origin.X) * DirectionX) + ((p.Y - Origin.Y) * DirectionY);

    /// <summary>Where two lines cross, or null when they are (nearly) parallel.</summary>
    public PointF? Intersect(EdgeLine other)
    {
        var det = (DirectionX * other.DirectionY) - (DirectionY * other.DirectionX);
        if (Math.Abs(det) < 1e-6)
        {
            return null;
        }

        var dx = other.Origin.X - Origin.X;
        var dy = other.Origin.Y - Origin.Y;
        var t = ((dx * other.DirectionY) - (dy * other.DirectionX)) / det;
        return new PointF(Origin.X + (t * DirectionX), Origin.Y + (t * DirectionY));
    }

    /// <summary>Least-squares line through points (principal axis of their scatter).</summary>
    public static EdgeLine Fit(ReadOnlySpan<PointF> points)
    {
        double mx = 0, my = 0;
        foreach (var p in points)
        {
            mx += p.X;
            my += p.Y;
        }

        mx /= points.Length;
        my /= points.Length;
        double sxx = 0, syy = 0, sxy = 0;
        foreach (var p in points)
        {
            sxx += (p.X - mx) * (p.X - mx);
            syy += (p.Y - my) * (p.Y - my);
            sxy += (p.X - mx) * (p.Y - my);
        }

        var angle = 0.5 * Math.Atan2(2 * sxy, sxx - syy);
        return new EdgeLine(new PointF(mx, my), Math.Cos(angle), Math.Sin(angle));
    }
}
