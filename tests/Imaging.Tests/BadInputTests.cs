using System.Buffers.Binary;
using CentralCount.Tests;

namespace CentralCount.Imaging.Tests;

/// <summary>Damaged or hostile input gives a typed error, never a crash and never a page allocation.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly PixelMemoryPool _pool = new();
    private readonly ImageDecoder _decoder;

    public BadInputTests() => _decoder = new ImageDecoder(_pool);

    [Fact]
    public void Zero_byte_file_is_unsupported()
    {
        var error = Refused<UnsupportedImageFormatException>([], "empty.jpg");
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty.jpg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_file_named_jpg_is_unsupported_and_says_it_is_text()
    {
        var bytes = "Batch 14 notes: scanner jammed twice\n"u8.ToArray();
        var error = Refused<UnsupportedImageFormatException>(bytes, "notes.jpg");
        Assert.Contains("text \"Batch 14 notes:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_real_jpeg_is_corrupt()
    {
        var bytes = File.ReadAllBytes(TestPaths.Hudson("scan-marked-front.jpeg"));
        var error = Refused<CorruptImageException>(bytes[..(bytes.Length / 2)], "half.jpeg");
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Truncated_png_is_corrupt(double keep)
    {
        using var image = TestImages.Noise(300, 200, 3);
        var bytes = ImageEncoder.EncodePng(image);
        Refused<CorruptImageException>(bytes[..(int)(bytes.Length * keep)], "cut.png");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    public void Truncated_bilevel_tiff_is_corrupt(double keep)
    {
        using var image = TestImages.Bilevel(800, 600, 5);
        var bytes = ImageEncoder.EncodeTiffBilevel(image);
        Refused<CorruptImageException>(bytes[..(int)(bytes.Length * keep)], "cut.tif");
    }

    [Fact]
    public void Png_claiming_60000_by_60000_is_refused_before_allocating()
    {
        var bomb = PngWithHeader(60_000, 60_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ImageTooLargeException>(() => _decoder.DecodeGray(bomb, "bomb.png"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(60_000, error.Width);
        Assert.Equal(60_000, error.Height);
        Assert.Contains("over the limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _pool.Allocations);
        Assert.True(allocated < 64 * 1024, $"{allocated} managed bytes allocated");
    }

    [Fact]
    public void Pixel_limit_is_configurable()
    {
        using var image = TestImages.Noise(100, 100, 1);
        var bytes = ImageEncoder.EncodePng(image);
        var strict = new ImageDecoder(_pool, new DecodeLimits(MaxPixels: 9_999));
        Assert.Throws<ImageTooLargeException>(() => strict.DecodeGray(bytes, "p.png"));
        using var decoded = new ImageDecoder(_pool, new DecodeLimits(MaxPixels: 10_000)).DecodeGray(bytes, "p.png");
        Assert.Equal(100, decoded.Width);
    }

    [Fact]
    public void Corrupt_jpeg_body_with_intact_markers_is_reported_not_crashed()
    {
        var bytes = File.ReadAllBytes(TestPaths.Hudson("scan-unmarked-front.jpeg"));
        // Break the first Huffman table's class/index byte while keeping SOI and EOI intact.
        var dht = bytes.AsSpan().IndexOf([(byte)0xFF, (byte)0xC4]);
        bytes[dht + 4] = 0x5F;
        var error = Assert.ThrowsAny<ImagingException>(() => _decoder.DecodeGray(bytes, "broken.jpeg"));
        Assert.StartsWith("broken.jpeg: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _pool.Outstanding);
    }

    private T Refused<T>(byte[] bytes, string origin)
        where T : ImagingException
    {
        var error = Assert.Throws<T>(() => _decoder.DecodeGray(bytes, origin));
        Assert.Equal(origin, error.Origin);
        Assert.Equal(0, _pool.Outstanding);
        return error;
    }

    private static byte[] PngWithHeader(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // grey
        WriteChunk(stream, "IHDR", ihdr);
        WriteChunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32([.. typeBytes, .. data]));
        stream.Write(word);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    public void Dispose() => _pool.Dispose();
}
