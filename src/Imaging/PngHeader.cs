using System.Buffers.Binary;

namespace CentralCount.Imaging;

/// <summary>PNG: size from IHDR; complete when the chunk chain reaches IEND inside the file.</summary>
internal static class PngHeader
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool Matches(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    public static ImageHeader Read(ReadOnlySpan<byte> bytes, string origin)
    {
        if (bytes.Length < 33 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new CorruptImageException(origin, "PNG file is truncated or has no IHDR header");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw new CorruptImageException(origin, $"PNG header declares an impossible size {width} x {height}");
        }

        int bitDepth = bytes[24];
        var channels = bytes[25] switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            var other => throw new CorruptImageException(origin, $"PNG header has unknown colour type {other}"),
        };

        long offset = 8;
        while (true)
        {
            if (offset + 12 > bytes.Length)
            {
                throw new CorruptImageException(origin, $"PNG file is truncated: the chunk at byte {offset} runs past the end ({bytes.Length} bytes) before IEND");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[(int)offset..]);
            var type = bytes.Slice((int)offset + 4, 4);
            var next = offset + 12 + length;
            if (next > bytes.Length)
            {
                throw new CorruptImageException(origin, $"PNG file is truncated: the chunk at byte {offset} runs past the end ({bytes.Length} bytes) before IEND");
            }

            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            offset = next;
        }

        return new ImageHeader(ImageFormat.Png, (int)width, (int)height, bitDepth * channels);
    }
}
