using System.Text;

namespace CentralCount.Imaging;

/// <summary>
/// Reads an image's format and declared size from its header and checks that the file is
/// structurally complete, without decoding: a decompression bomb or a truncated scan is
/// refused before any pixel memory is taken.
/// </summary>
public static class ImageHeaderReader
{
    public static ImageHeader Read(ReadOnlySpan<byte> bytes, string origin)
    {
        if (bytes.IsEmpty)
        {
            throw new UnsupportedImageFormatException(origin, "the file is empty (0 bytes)");
        }

        if (PngHeader.Matches(bytes))
        {
            return PngHeader.Read(bytes, origin);
        }

        if (JpegHeader.Matches(bytes))
        {
            return JpegHeader.Read(bytes, origin);
        }

        if (TiffHeader.Matches(bytes))
        {
            return TiffHeader.Read(bytes, origin);
        }

        throw new UnsupportedImageFormatException(origin, $"not a PNG, JPEG or TIFF image: it starts with {DescribeStart(bytes)}");
    }

    private static string DescribeStart(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 16)];
        var printable = true;
        foreach (var b in head)
        {
            printable &= b is >= 0x20 and < 0x7f or (byte)'\n' or (byte)'\r' or (byte)'\t';
        }

        if (printable)
        {
            var text = Encoding.ASCII.GetString(head).ReplaceLineEndings(" ");
            return $"text \"{text}\"";
        }

        return "bytes " + Convert.ToHexString(head[..Math.Min(head.Length, 8)]);
    }
}
