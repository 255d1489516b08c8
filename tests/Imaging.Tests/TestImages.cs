namespace CentralCount.Imaging.Tests;

/// <summary>Deterministic synthetic images for codec tests.</summary>
internal static class TestImages
{
    public static PixelImage Noise(int width, int height, int seed, PixelMemoryPool? pool = null)
    {
        var image = PixelImage.Create(width, height, PixelLayout.Gray8, pool);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    public static PixelImage Bilevel(int width, int height, int seed)
    {
        var image = PixelImage.Create(width, height, PixelLayout.Gray8);
        var random = new Random(seed);
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            // Runs of black and white like ink on paper, which is what CCITT codes well.
            pixels[i] = random.Next(10) < 3 ? (byte)0 : (byte)255;
        }

        return image;
    }

    public static void AssertSamePixels(PixelImage expected, PixelImage actual)
    {
        Assert.Equal(expected.Width, actual.Width);
        Assert.Equal(expected.Height, actual.Height);
        for (var y = 0; y < expected.Height; y++)
        {
            if (!expected.Row(y).SequenceEqual(actual.Row(y)))
            {
                var e = expected.Row(y);
                var a = actual.Row(y);
                var x = 0;
                while (e[x] == a[x])
                {
                    x++;
                }

                Assert.Fail($"pixel ({x}, {y}) differs: expected {e[x]}, got {a[x]}");
            }
        }
    }
}
