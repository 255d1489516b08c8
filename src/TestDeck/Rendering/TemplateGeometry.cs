using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.TestDeck.Rendering;

/// <summary>Where template coordinates land on an undistorted rendering at a given resolution.</summary>
public sealed record TemplateGeometry(PageFormat Format, int Dpi)
{
    public int WidthPx => (int)Math.Round(Format.WidthInches * Dpi);

    public int HeightPx => (int)Math.Round(Format.HeightInches * Dpi);

    public PointF Pixel(GridPoint p)
    {
        var inches = Format.Grid.ToInches(p);
        return Pixel(inches);
    }

    // Pixel centres sit at integer coordinates: an inch coordinate x maps to x·dpi − 0.5.
    public PointF Pixel(InchPoint p) => new((p.X * Dpi) - 0.5, (p.Y * Dpi) - 0.5);

    public PixelRect Pixels(GridRect r)
    {
        var a = Pixel(new GridPoint(r.Left, r.Top));
        var b = Pixel(new GridPoint(r.Right, r.Bottom));
        return new PixelRect((int)Math.Round(a.X), (int)Math.Round(a.Y), (int)Math.Round(b.X - a.X), (int)Math.Round(b.Y - a.Y));
    }

    public double Px(double inches) => inches * Dpi;

    public double ColumnPx => Format.Grid.ColumnPitchInches * Dpi;

    public double RowPx => Format.Grid.RowPitchInches * Dpi;
}
