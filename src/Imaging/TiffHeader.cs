using System.Buffers.Binary;

namespace CentralCount.Imaging;

/// <summary>
/// TIFF: size and bit depth from the first directory; complete when every strip or tile
/// of that directory lies inside the file.
/// </summary>
internal static class TiffHeader
{
    private const ushort ImageWidth = 256;
    private const ushort ImageLength = 257;
    private const ushort BitsPerSample = 258;
    private const ushort StripOffsets = 273;
    private const ushort SamplesPerPixel = 277;
    private const ushort StripByteCounts = 279;
    private const ushort TileOffsets = 324;
    private const ushort TileByteCounts = 325;

    public static bool Matches(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && ((bytes[0] == 'I' && bytes[1] == 'I' && bytes[2] == 42 && bytes[3] == 0) ||
                              (bytes[0] == 'M' && bytes[1] == 'M' && bytes[2] == 0 && bytes[3] == 42));

    public static ImageHeader Read(ReadOnlySpan<byte> bytes, string origin)
    {
        var little = bytes[0] == 'I';
        if (bytes.Length < 8)
        {
            throw new CorruptImageException(origin, "TIFF file is truncated inside its header");
        }

        var directory = U32(bytes, 4, little);
        if (directory < 8 || directory + 2 > bytes.Length)
        {
            throw new CorruptImageException(origin, $"TIFF file is truncated: its first directory at byte {directory} lies outside the file ({bytes.Length} bytes)");
        }

        int entries = U16(bytes, (int)directory, little);
        if (directory + 2 + (entries * 12L) > bytes.Length)
        {
            throw new CorruptImageException(origin, "TIFF file is truncated inside its first directory");
        }

        long width = 0, height = 0, bits = 1, samples = 1;
        (long Count, long Offset, ushort Type) offsets = default, counts = default;
        for (var i = 0; i < entries; i++)
        {
            var at = (int)directory + 2 + (i * 12);
            var tag = U16(bytes, at, little);
            var type = U16(bytes, at + 2, little);
            var count = U32(bytes, at + 4, little);
            switch (tag)
            {
                case ImageWidth: width = Value(bytes, at, type, little); break;
                case ImageLength: height = Value(bytes, at, type, little); break;
                case BitsPerSample: bits = count == 1 ? Value(bytes, at, type, little) : Element(bytes, U32(bytes, at + 8, little), 0, type, little, origin); break;
                case SamplesPerPixel: samples = Value(bytes, at, type, little); break;
                case StripOffsets or TileOffsets: offsets = (count, at, type); break;
                case StripByteCounts or TileByteCounts: counts = (count, at, type); break;
                default: break;
            }
        }

        if (width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw new CorruptImageException(origin, $"TIFF directory declares an impossible size {width} x {height}");
        }

        if (offsets.Count == 0 || offsets.Count != counts.Count)
        {
            throw new CorruptImageException(origin, "TIFF directory has no consistent strip or tile table");
        }

        for (long i = 0; i < offsets.Count; i++)
        {
            var start = ArrayElement(bytes, offsets, i, little, origin);
            var length = ArrayElement(bytes, counts, i, little, origin);
            if (start + length > bytes.Length)
            {
                throw new CorruptImageException(origin, $"TIFF file is truncated: image data block {i} ends at byte {start + length}, past the end ({bytes.Length} bytes)");
            }
        }

        return new ImageHeader(ImageFormat.Tiff, (int)width, (int)height, (int)(bits * samples));
    }

    private static long ArrayElement(ReadOnlySpan<byte> bytes, (long Count, long Offset, ushort Type) entry, long index, bool little, string origin)
    {
        var size = entry.Type == 3 ? 2 : 4;
        if (entry.Count * size <= 4)
        {
            var at = (int)entry.Offset + 8 + (int)(index * size);
            return size == 2 ? U16(bytes, at, little) : U32(bytes, at, little);
        }

        return Element(bytes, U32(bytes, (int)entry.Offset + 8, little), index, entry.Type, little, origin);
    }

    private static long Element(ReadOnlySpan<byte> bytes, long arrayOffset, long index, ushort type, bool little, string origin)
    {
        var size = type == 3 ? 2 : 4;
        var at = arrayOffset + (index * size);
        if (at + size > bytes.Length)
        {
            throw new CorruptImageException(origin, "TIFF file is truncated inside a directory value array");
        }

        return size == 2 ? U16(bytes, (int)at, little) : U32(bytes, (int)at, little);
    }

    private static long Value(ReadOnlySpan<byte> bytes, int entry, ushort type, bool little) =>
        type == 3 ? U16(bytes, entry + 8, little) : U32(bytes, entry + 8, little);

    private static ushort U16(ReadOnlySpan<byte> bytes, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);

    private static uint U32(ReadOnlySpan<byte> bytes, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
}
