using System.Diagnostics;
using CentralCount.Imaging;

namespace CentralCount.Benchmarks;

/// <summary>
/// The wrapper's overhead over the bare native decode, measured by alternating the two calls
/// round after round on the same page: a machine whose speed drifts during a run (shared cores,
/// frequency changes) slows both alike, which separate BenchmarkDotNet processes cannot ensure.
/// </summary>
internal static unsafe class PairedDecode
{
    public static void Run(int rounds)
    {
        foreach (var (dpi, format) in new[] { (200, "jpeg"), (200, "png"), (200, "tiff-g4"), (300, "jpeg") })
        {
            var bytes = BenchmarkPages.Load(dpi, format);
            using var pool = new PixelMemoryPool();
            var decoder = new ImageDecoder(pool);
            var header = ImageHeaderReader.Read(bytes, "page");
            using var target = PixelImage.Create(header.Width, header.Height, PixelLayout.Gray8);
            var native = new List<double>(rounds);
            var managed = new List<double>(rounds);
            for (var i = 0; i < rounds + 20; i++)
            {
                var a = Time(() => Native(bytes, target));
                var b = Time(() =>
                {
                    using var image = decoder.DecodeGray(bytes, "page");
                });
                if (i >= 20)
                {
                    native.Add(a);
                    managed.Add(b);
                }
            }

            var n = Median(native);
            var m = Median(managed);
            Console.WriteLine($"{dpi} DPI {format,-8} native {n,7:F3} ms   managed {m,7:F3} ms   overhead {100 * ((m / n) - 1),5:F1}%   ({rounds} paired rounds, medians)");
        }
    }

    private static void Native(byte[] bytes, PixelImage target)
    {
        fixed (byte* data = bytes)
        {
            NativeErrors.ThrowIfFailed(NativeMethods.DecodeGray(data, (nuint)bytes.Length, target.View), "page");
        }
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
