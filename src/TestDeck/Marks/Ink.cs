using CentralCount.Imaging;

namespace CentralCount.TestDeck.Marks;

/// <summary>The pen or pencil a mark is drawn with.</summary>
public sealed record Ink(string Name, PixelColor Color, double StrokeWidthInches)
{
    public static Ink BlackPen { get; } = new("black pen", new PixelColor(22, 22, 28), 0.022);

    public static Ink BluePen { get; } = new("blue pen", new PixelColor(28, 52, 150), 0.022);

    public static Ink RedPen { get; } = new("red pen", new PixelColor(170, 28, 36), 0.02);

    public static Ink GreenPen { get; } = new("green pen", new PixelColor(24, 110, 58), 0.02);

    public static Ink Pencil { get; } = new("pencil", new PixelColor(92, 92, 96), 0.016);

    public static Ink FeltMarker { get; } = new("felt marker", new PixelColor(12, 12, 14), 0.04);

    public static IReadOnlyList<Ink> All { get; } = [BlackPen, BluePen, RedPen, GreenPen, Pencil, FeltMarker];

    /// <summary>The ink at a lighter pressure: mixed toward the paper.</summary>
    public Ink WithPressure(double pressure)
    {
        var p = Math.Clamp(pressure, 0.2, 1.0);
        static byte Mix(byte c, double p) => (byte)Math.Round(255 - ((255 - c) * p));
        return this with { Color = new PixelColor(Mix(Color.R, p), Mix(Color.G, p), Mix(Color.B, p)) };
    }
}
