using System.Buffers.Binary;

namespace CentralCount.Imaging;

/// <summary>JPEG: size from the first SOF marker; complete when the data ends with EOI.</summary>
internal static class JpegHeader
{
    public static bool Matches(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;

    public static ImageHeader Read(ReadOnlySpan<byte> bytes, string origin)
    {
        var (width, height, components) = ReadFrame(bytes, origin);
        if (!EndsWithEoi(bytes))
        {
            throw new CorruptImageException(origin, $"JPEG file is truncated: it ends without the end-of-image marker ({bytes.Length} bytes)");
        }

        return new ImageHeader(ImageFormat.Jpeg, width, height, 8 * components);
    }

    private static (int Width, int Height, int Components) ReadFrame(ReadOnlySpan<byte> bytes, string origin)
    {
        var offset = 2;
        while (offset + 4 <= bytes.Length)
        {
            if (bytes[offset] != 0xFF)
            {
                throw new CorruptImageException(origin, $"JPEG structure is broken at byte {offset}: expected a marker");
            }

            var marker = bytes[offset + 1];
            if (marker == 0xFF)
            {
                offset++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 2)..]);
            if (IsStartOfFrame(marker))
            {
                if (offset + 10 > bytes.Length)
                {
                    break;
                }

                int height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 5)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 7)..]);
                int components = bytes[offset + 9];
                if (width == 0 || height == 0)
                {
                    throw new CorruptImageException(origin, $"JPEG frame declares an unsupported size {width} x {height}");
                }

                return (width, height, components);
            }

            if (marker == 0xDA || length < 2)
            {
                break;
            }

            offset += 2 + length;
        }

        throw new CorruptImageException(origin, "JPEG file is truncated or has no frame header (SOF)");
    }

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static bool EndsWithEoi(ReadOnlySpan<byte> bytes)
    {
        // Some writers pad the file after EOI; a scanner never writes more than a little padding.
        var end = bytes.Length;
        var limit = Math.Max(0, bytes.Length - 64);
        while (end > limit && bytes[end - 1] is 0x00 or 0x0A or 0x0D or 0x20)
        {
            end--;
        }

        return end >= 2 && bytes[end - 2] == 0xFF && bytes[end - 1] == 0xD9;
    }
}
