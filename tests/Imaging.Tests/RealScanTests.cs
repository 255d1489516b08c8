using System.Text.Json;
using CentralCount.Tests;

namespace CentralCount.Imaging.Tests;

/// <summary>The real VxSuite scans decode to the sizes their metadata states.</summary>
public sealed class RealScanTests : IDisposable
{
    private readonly PixelMemoryPool _pool = new();

    public static TheoryData<string> ReferenceScans() =>
        ["scan-marked-front.jpeg", "scan-marked-back.jpeg", "scan-unmarked-front.jpeg", "scan-unmarked-back.jpeg"];

    [Theory]
    [MemberData(nameof(ReferenceScans))]
    public void Scan_decodes_to_the_size_in_the_reference_interpretation(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Hudson("reference-interpretation.json")));
        var size = json.RootElement.GetProperty(file).GetProperty("imageSizePx");
        using var image = new ImageDecoder(_pool).DecodeGrayFile(TestPaths.Hudson(file));
        Assert.Equal(size.GetProperty("width").GetInt32(), image.Width);
        Assert.Equal(size.GetProperty("height").GetInt32(), image.Height);
        AssertLooksLikeAPage(image);
    }

    [Theory]
    [InlineData("scan-marked-rotated-front.jpeg", 1696, 2800)]
    [InlineData("scan-marked-rotated-back.jpeg", 1696, 2800)]
    [InlineData("scan-marked-front-300dpi.jpeg", 2512, 4155)]
    [InlineData("scan-marked-back-300dpi.jpeg", 2502, 4161)]
    [InlineData("template-front.jpeg", 684, 1080)]
    public void Scan_decodes_to_its_stated_size(string file, int width, int height)
    {
        using var image = new ImageDecoder(_pool).DecodeGrayFile(TestPaths.Hudson(file));
        Assert.Equal((width, height), (image.Width, image.Height));
        AssertLooksLikeAPage(image);
    }

    private static void AssertLooksLikeAPage(PixelImage image)
    {
        // Mostly white paper with some dark print: a sanity check that pixels really landed.
        long sum = 0;
        var dark = 0;
        foreach (var p in image.Pixels)
        {
            sum += p;
            dark += p < 96 ? 1 : 0;
        }

        var mean = (double)sum / image.Pixels.Length;
        Assert.InRange(mean, 150, 250);
        Assert.InRange(dark, image.Pixels.Length / 200, image.Pixels.Length / 3);
    }

    public void Dispose() => _pool.Dispose();
}
