namespace CentralCount.Imaging;

/// <summary>Base of every error the imaging layer raises; <see cref="Origin"/> says which file or buffer.</summary>
public abstract class ImagingException : Exception
{
    protected ImagingException(string origin, string message, Exception? inner = null)
        : base($"{origin}: {message}", inner)
    {
        Origin = origin;
    }

    /// <summary>The file path or description of the bytes that failed.</summary>
    public string Origin { get; }
}

/// <summary>The bytes are not a PNG, JPEG or TIFF image (an empty file, a text file, another format).</summary>
public sealed class UnsupportedImageFormatException(string origin, string message) : ImagingException(origin, message);

/// <summary>The format was recognised but the data is damaged or incomplete (truncated, bad structure, decode failure).</summary>
public sealed class CorruptImageException(string origin, string message) : ImagingException(origin, message);

/// <summary>The header declares more pixels than the configured limit: refused before any pixel memory is taken.</summary>
public sealed class ImageTooLargeException(string origin, int width, int height, long limit)
    : ImagingException(origin, $"image is {width} x {height} pixels ({(long)width * height:N0}), over the limit of {limit:N0} pixels; refusing to decode it")
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public long Limit { get; } = limit;
}

/// <summary>The native shim reported an error that does not describe the input (a bad argument, an internal failure).</summary>
public sealed class NativeImagingException(string origin, string message) : ImagingException(origin, message);
