using System.Text;

namespace CentralCount.Imaging;

/// <summary>Hershey vector fonts built into OpenCV.</summary>
public enum HersheyFont
{
    Simplex = 0,
    Plain = 1,
    Duplex = 2,
    Complex = 3,
    Triplex = 4,
    ComplexSmall = 5,
    ScriptSimplex = 6,
    ScriptComplex = 7,
}

/// <summary>A point in pixels with sub-pixel precision.</summary>
public readonly record struct PointF(double X, double Y);

/// <summary>
/// Draws on an image: anti-aliased lines, polylines, ellipses, filled polygons, rectangles and
/// text. Coordinates are in pixels with sub-pixel precision.
/// </summary>
public sealed unsafe class Canvas(PixelImage image)
{
    private const double Scale = 256.0; // the shim's CC_SHIFT of 8 bits

    public PixelImage Image { get; } = image ?? throw new ArgumentNullException(nameof(image));

    public void Line(PointF from, PointF to, PixelColor color, int thickness = 1, bool antialias = true)
    {
        var (c0, c1, c2) = color.For(Image);
        Check(NativeMethods.DrawLine(Image.View, Fix(from.X), Fix(from.Y), Fix(to.X), Fix(to.Y), c0, c1, c2, thickness, antialias ? 1 : 0));
    }

    public void Polyline(ReadOnlySpan<PointF> points, PixelColor color, int thickness = 1, bool closed = false, bool antialias = true)
    {
        var (c0, c1, c2) = color.For(Image);
        var xy = ToFixed(points);
        fixed (int* p = xy)
        {
            Check(NativeMethods.DrawPolyline(Image.View, p, points.Length, closed ? 1 : 0, c0, c1, c2, thickness, antialias ? 1 : 0));
        }
    }

    public void FillPolygon(ReadOnlySpan<PointF> points, PixelColor color, bool antialias = true)
    {
        var (c0, c1, c2) = color.For(Image);
        var xy = ToFixed(points);
        fixed (int* p = xy)
        {
            Check(NativeMethods.FillPolygon(Image.View, p, points.Length, c0, c1, c2, antialias ? 1 : 0));
        }
    }

    /// <summary>An ellipse or elliptic arc; <paramref name="thickness"/> below zero fills it.</summary>
    public void Ellipse(PointF center, double radiusX, double radiusY, PixelColor color, int thickness = 1,
        double angle = 0, double startAngle = 0, double endAngle = 360, bool antialias = true)
    {
        var (c0, c1, c2) = color.For(Image);
        Check(NativeMethods.DrawEllipse(Image.View, Fix(center.X), Fix(center.Y), Fix(radiusX), Fix(radiusY),
            angle, startAngle, endAngle, c0, c1, c2, thickness, antialias ? 1 : 0));
    }

    public void FillRectangle(PixelRect rect, PixelColor color)
    {
        var (c0, c1, c2) = color.For(Image);
        Check(NativeMethods.FillRect(Image.View, rect.X, rect.Y, rect.Width, rect.Height, c0, c1, c2));
    }

    /// <summary>Draws text with its baseline starting at <paramref name="origin"/>.</summary>
    public void Text(string text, PointF origin, HersheyFont font, double scale, PixelColor color, int thickness = 1, bool italic = false, bool antialias = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (c0, c1, c2) = color.For(Image);
        var utf8 = Encoding.ASCII.GetBytes(text + "\0");
        fixed (byte* p = utf8)
        {
            Check(NativeMethods.DrawText(Image.View, p, (int)Math.Round(origin.X), (int)Math.Round(origin.Y),
                (int)font | (italic ? 16 : 0), scale, c0, c1, c2, thickness, antialias ? 1 : 0));
        }
    }

    /// <summary>Width, height above the baseline, and depth below it, of text as <see cref="Text"/> would draw it.</summary>
    public static (int Width, int Height, int Baseline) MeasureText(string text, HersheyFont font, double scale, int thickness = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        var utf8 = Encoding.ASCII.GetBytes(text + "\0");
        fixed (byte* p = utf8)
        {
            NativeErrors.ThrowIfFailed(NativeMethods.MeasureText(p, (int)font, scale, thickness, out var w, out var h, out var b), "measure text");
            return (w, h, b);
        }
    }

    private static int Fix(double value) => (int)Math.Round(value * Scale);

    private static int[] ToFixed(ReadOnlySpan<PointF> points)
    {
        var xy = new int[points.Length * 2];
        for (var i = 0; i < points.Length; i++)
        {
            xy[2 * i] = Fix(points[i].X);
            xy[(2 * i) + 1] = Fix(points[i].Y);
        }

        return xy;
    }

    private void Check(NativeStatus status)
    {
        GC.KeepAlive(Image);
        NativeErrors.ThrowIfFailed(status, "canvas");
    }
}
