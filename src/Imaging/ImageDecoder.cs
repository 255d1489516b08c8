namespace CentralCount.Imaging;

/// <summary>
/// Decodes PNG, JPEG and TIFF (8-bit and 1-bit CCITT G3/G4; colour to grey) into pooled grey
/// images. The header is read and checked first, so damaged, foreign or oversized input is
/// refused with a typed error before pixel memory is taken. Thread-safe.
/// </summary>
public sealed class ImageDecoder(PixelMemoryPool pool, DecodeLimits? limits = null)
{
    private readonly DecodeLimits _limits = limits ?? DecodeLimits.Default;

    public DecodeLimits Limits => _limits;

    /// <summary>Reads and checks the header only.</summary>
    public ImageHeader ReadHeader(ReadOnlySpan<byte> bytes, string origin)
    {
        var header = ImageHeaderReader.Read(bytes, origin);
        if (header.PixelCount > _limits.MaxPixels)
        {
            throw new ImageTooLargeException(origin, header.Width, header.Height, _limits.MaxPixels);
        }

        return header;
    }

    public unsafe PixelImage DecodeGray(ReadOnlySpan<byte> bytes, string origin)
    {
        var header = ReadHeader(bytes, origin);
        var image = PixelImage.Create(header.Width, header.Height, PixelLayout.Gray8, pool);
        try
        {
            NativeStatus status;
            fixed (byte* data = bytes)
            {
                status = NativeMethods.DecodeGray(data, (nuint)bytes.Length, image.View);
            }

            NativeErrors.ThrowIfFailed(status, origin);
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    public PixelImage DecodeGrayFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return DecodeGray(bytes, path);
    }
}
