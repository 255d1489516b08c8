namespace CentralCount.Imaging;

/// <summary>CCITT compression schemes for 1-bit TIFF.</summary>
public enum BilevelCompression
{
    G3 = 3,
    G4 = 4,
}

/// <summary>Encodes images as PNG, JPEG, 8-bit TIFF or 1-bit CCITT TIFF.</summary>
public static unsafe class ImageEncoder
{
    public static byte[] EncodePng(PixelImage image) => Encode(image, 0, 0);

    public static byte[] EncodeJpeg(PixelImage image, int quality = 90)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return Encode(image, 1, quality);
    }

    public static byte[] EncodeTiff(PixelImage image) => Encode(image, 2, 0);

    /// <summary>1-bit TIFF as a bilevel scanner writes it: pixels darker than <paramref name="threshold"/> become black.</summary>
    public static byte[] EncodeTiffBilevel(PixelImage image, byte threshold = 128, BilevelCompression compression = BilevelCompression.G4, int dpi = 200)
    {
        ArgumentNullException.ThrowIfNull(image);
        RequireGray(image);
        var status = NativeMethods.EncodeTiffBilevel(image.View, threshold, (int)compression, dpi, out var buffer);
        GC.KeepAlive(image);
        return TakeBuffer(status, buffer, "TIFF encoder");
    }

    private static byte[] Encode(PixelImage image, int format, int quality)
    {
        ArgumentNullException.ThrowIfNull(image);
        var status = NativeMethods.Encode(image.View, format, quality, out var buffer);
        GC.KeepAlive(image);
        return TakeBuffer(status, buffer, "image encoder");
    }

    internal static byte[] TakeBuffer(NativeStatus status, nint buffer, string origin)
    {
        try
        {
            NativeErrors.ThrowIfFailed(status, origin);
            var length = checked((int)NativeMethods.BufferSize(buffer));
            return new ReadOnlySpan<byte>(NativeMethods.BufferData(buffer), length).ToArray();
        }
        finally
        {
            NativeMethods.BufferFree(buffer);
        }
    }

    internal static void RequireGray(PixelImage image)
    {
        if (image.Layout != PixelLayout.Gray8)
        {
            throw new ArgumentException("this operation needs a grey image", nameof(image));
        }
    }
}
