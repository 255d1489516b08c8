namespace CentralCount.Imaging.Tests;

/// <summary>Decoding over and over must not leak native or managed memory.</summary>
public sealed class MemoryTests
{
    [Fact]
    public void Ten_thousand_decode_dispose_cycles_keep_resident_memory_flat()
    {
        using var pool = new PixelMemoryPool();
        var decoder = new ImageDecoder(pool);
        using var page = TestImages.Noise(850, 1100, seed: 42);
        new Canvas(page).FillRectangle(new PixelRect(100, 100, 300, 300), PixelColor.Black);
        var jpeg = ImageEncoder.EncodeJpeg(page, 85);
        var png = ImageEncoder.EncodePng(page);

        void Cycle(int i)
        {
            using var image = decoder.DecodeGray(i % 10 == 0 ? png : jpeg, "cycle");
            Assert.Equal(850, image.Width);
        }

        for (var i = 0; i < 500; i++)
        {
            Cycle(i);
        }

        var baseline = ResidentBytes();
        for (var i = 0; i < 10_000; i++)
        {
            Cycle(i);
        }

        var growth = ResidentBytes() - baseline;
        Assert.True(growth < 20L * 1024 * 1024, $"resident memory grew by {growth / 1024.0 / 1024.0:F1} MB over 10,000 cycles");
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(1, pool.Allocations);
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }

        throw new InvalidOperationException("VmRSS not found in /proc/self/status");
    }
}
