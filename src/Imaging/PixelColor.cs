namespace CentralCount.Imaging;

/// <summary>An 8-bit colour; on a grey canvas its luminance is drawn.</summary>
public readonly record struct PixelColor(byte R, byte G, byte B)
{
    public static PixelColor Black { get; } = new(0, 0, 0);

    public static PixelColor White { get; } = new(255, 255, 255);

    public static PixelColor Gray(byte value) => new(value, value, value);

    /// <summary>ITU-R BT.601 luma, as OpenCV converts colour to grey.</summary>
    public byte Luma => (byte)Math.Clamp(Math.Round((0.299 * R) + (0.587 * G) + (0.114 * B)), 0, 255);

    internal (double C0, double C1, double C2) For(PixelImage canvas) =>
        canvas.Layout == PixelLayout.Gray8 ? (Luma, 0, 0) : (B, G, R);
}
