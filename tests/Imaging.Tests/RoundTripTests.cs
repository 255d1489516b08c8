using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.Imaging.Tests;

public sealed class RoundTripTests : IDisposable
{
    private readonly PixelMemoryPool _pool = new();
    private readonly ImageDecoder _decoder;

    public RoundTripTests() => _decoder = new ImageDecoder(_pool);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(17, 3)]
    [InlineData(640, 480)]
    [InlineData(1001, 77)]
    public void Png_round_trip_is_pixel_exact(int width, int height)
    {
        using var original = TestImages.Noise(width, height, seed: width * 31 + height);
        using var decoded = _decoder.DecodeGray(ImageEncoder.EncodePng(original), "round-trip.png");
        TestImages.AssertSamePixels(original, decoded);
    }

    [Theory]
    [InlineData(640, 480)]
    [InlineData(333, 1001)]
    public void Eight_bit_tiff_round_trip_is_pixel_exact(int width, int height)
    {
        using var original = TestImages.Noise(width, height, seed: 7);
        using var decoded = _decoder.DecodeGray(ImageEncoder.EncodeTiff(original), "round-trip.tif");
        TestImages.AssertSamePixels(original, decoded);
    }

    [Theory]
    [InlineData(BilevelCompression.G4, 1700, 220)]
    [InlineData(BilevelCompression.G3, 1700, 220)]
    [InlineData(BilevelCompression.G4, 13, 9)]
    public void Bilevel_tiff_round_trip_is_pixel_exact(BilevelCompression compression, int width, int height)
    {
        using var original = TestImages.Bilevel(width, height, seed: 11);
        var bytes = ImageEncoder.EncodeTiffBilevel(original, 128, compression);
        var header = ImageHeaderReader.Read(bytes, "bilevel.tif");
        Assert.Equal(ImageFormat.Tiff, header.Format);
        Assert.Equal(1, header.BitsPerPixel);
        using var decoded = _decoder.DecodeGray(bytes, "bilevel.tif");
        TestImages.AssertSamePixels(original, decoded);
    }

    [Fact]
    public void Bilevel_tiff_thresholds_grey_to_black_and_white()
    {
        using var grey = PixelImage.Create(64, 2, PixelLayout.Gray8);
        for (var x = 0; x < 64; x++)
        {
            grey.Row(0)[x] = (byte)(x * 4);
            grey.Row(1)[x] = (byte)(255 - (x * 4));
        }

        using var decoded = _decoder.DecodeGray(ImageEncoder.EncodeTiffBilevel(grey, threshold: 100), "t.tif");
        for (var x = 0; x < 64; x++)
        {
            Assert.Equal(grey.Row(0)[x] < 100 ? 0 : 255, decoded.Row(0)[x]);
            Assert.Equal(grey.Row(1)[x] < 100 ? 0 : 255, decoded.Row(1)[x]);
        }
    }

    [Fact]
    public void Jpeg_round_trip_is_close()
    {
        using var original = PixelImage.Create(400, 300, PixelLayout.Gray8, fill: 255);
        new Canvas(original).FillRectangle(new PixelRect(100, 100, 150, 80), PixelColor.Black);
        using var decoded = _decoder.DecodeGray(ImageEncoder.EncodeJpeg(original, 95), "r.jpg");
        Assert.True(decoded.GrayAt(175, 140) < 10);
        Assert.True(decoded.GrayAt(20, 20) > 245);
    }

    [Fact]
    public void Colour_images_decode_to_grey_with_scanner_luma()
    {
        using var colour = PixelImage.Create(50, 40, PixelLayout.Bgr24, fill: 255);
        var red = new PixelColor(200, 40, 40);
        new Canvas(colour).FillRectangle(new PixelRect(10, 10, 20, 20), red);
        using var decoded = _decoder.DecodeGray(ImageEncoder.EncodePng(colour), "colour.png");
        Assert.Equal(PixelLayout.Gray8, decoded.Layout);
        Assert.InRange(decoded.GrayAt(20, 20), red.Luma - 1, red.Luma + 1);
        Assert.Equal(255, decoded.GrayAt(2, 2));
    }

    [Fact]
    public void Header_size_matches_the_encoded_image_for_random_sizes()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<(byte, byte)>(),
            size =>
            {
                var (w, h) = (size.Item1 + 1, size.Item2 + 1);
                using var image = TestImages.Noise(w, h, seed: w ^ h);
                foreach (var bytes in new[] { ImageEncoder.EncodePng(image), ImageEncoder.EncodeJpeg(image), ImageEncoder.EncodeTiff(image), ImageEncoder.EncodeTiffBilevel(image) })
                {
                    var header = ImageHeaderReader.Read(bytes, "p");
                    if (header.Width != w || header.Height != h)
                    {
                        return false;
                    }
                }

                return true;
            }).QuickCheckThrowOnFailure();
    }

    public void Dispose() => _pool.Dispose();
}
