using CentralCount.Imaging;

namespace CentralCount.Benchmarks;

/// <summary>The pages benchmarks decode: the real 200- and 300-DPI scans, re-encoded per format.</summary>
internal static class BenchmarkPages
{
    public static string SharedData
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "vxsuite-nh-hudson");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("shared/data/vxsuite-nh-hudson not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The page's bytes in the requested format ("jpeg", "png", "tiff-g4").</summary>
    public static byte[] Load(int dpi, string format)
    {
        var jpeg = File.ReadAllBytes(Path.Combine(SharedData, dpi == 300 ? "scan-marked-front-300dpi.jpeg" : "scan-marked-front.jpeg"));
        if (format == "jpeg")
        {
            return jpeg;
        }

        using var pool = new PixelMemoryPool();
        using var page = new ImageDecoder(pool).DecodeGray(jpeg, "benchmark page");
        return format switch
        {
            "png" => ImageEncoder.EncodePng(page),
            "tiff-g4" => ImageEncoder.EncodeTiffBilevel(page, 160, BilevelCompression.G4, dpi),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "jpeg, png or tiff-g4"),
        };
    }
}
