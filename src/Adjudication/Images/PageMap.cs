using CentralCount.Election.Layout;

namespace CentralCount.Adjudication.Images;

/// <summary>
/// A similarity (scale, turn, shift) from page inches to image pixels, fitted by least squares to
/// located positions; enough to cut a crop, not to read marks (registration does that).
/// </summary>
public readonly record struct PageMap(double A, double B, double Tx, double Ty)
{
    /// <summary>Pixels per inch.</summary>
    public double Scale => Math.Sqrt((A * A) + (B * B));

    /// <summary>Turned by more than a quarter turn: the page was fed upside down.</summary>
    public bool UpsideDown => A < 0 && Math.Abs(B) < -A;

    public (double X, double Y) ToPixel(InchPoint p) => ((A * p.X) - (B * p.Y) + Tx, (B * p.X) + (A * p.Y) + Ty);

    public static PageMap Fit(IReadOnlyList<(InchPoint Inches, double X, double Y)> pairs, double fallbackScale)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return new PageMap(fallbackScale, 0, 0, 0);
        }

        var (mu, mv) = (pairs.Average(p => p.Inches.X), pairs.Average(p => p.Inches.Y));
        var (mx, my) = (pairs.Average(p => p.X), pairs.Average(p => p.Y));
        double suu = 0, sa = 0, sb = 0;
        foreach (var (inches, x, y) in pairs)
        {
            var (u, v, dx, dy) = (inches.X - mu, inches.Y - mv, x - mx, y - my);
            suu += (u * u) + (v * v);
            sa += (u * dx) + (v * dy);
            sb += (u * dy) - (v * dx);
        }

        var (a, b) = suu < 1e-9 ? (fallbackScale, 0.0) : (sa / suu, sb / suu);
        return new PageMap(a, b, mx - (a * mu) + (b * mv), my - (b * mu) - (a * mv));
    }
}
