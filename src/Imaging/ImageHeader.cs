namespace CentralCount.Imaging;

/// <summary>Container formats the engine reads.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Tiff,
}

/// <summary>What an image file says about itself before any pixel is decoded.</summary>
/// <param name="Format">The container format.</param>
/// <param name="Width">Width in pixels, as declared.</param>
/// <param name="Height">Height in pixels, as declared.</param>
/// <param name="BitsPerPixel">Bits per pixel over all channels (1 for bilevel TIFF).</param>
public readonly record struct ImageHeader(ImageFormat Format, int Width, int Height, int BitsPerPixel)
{
    public long PixelCount => (long)Width * Height;
}
