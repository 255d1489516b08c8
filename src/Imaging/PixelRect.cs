namespace CentralCount.Imaging;

/// <summary>An axis-aligned rectangle in whole pixels.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public static PixelRect Of(PixelImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new(0, 0, image.Width, image.Height);
    }
}
