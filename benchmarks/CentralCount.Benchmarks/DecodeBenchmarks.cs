using BenchmarkDotNet.Attributes;
using CentralCount.Imaging;

namespace CentralCount.Benchmarks;

/// <summary>
/// Decode of one ballot page per format and resolution, through the managed wrapper (header
/// check, pooled memory, typed errors) against the bare native call into a ready buffer.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class DecodeBenchmarks
{
    private PixelMemoryPool _pool = null!;
    private ImageDecoder _decoder = null!;
    private byte[] _bytes = null!;
    private PixelImage _target = null!;

    [Params(200, 300)]
    public int Dpi { get; set; }

    [Params("jpeg", "png", "tiff-g4")]
    public string Format { get; set; } = "jpeg";

    [GlobalSetup]
    public void Setup()
    {
        _pool = new PixelMemoryPool();
        _decoder = new ImageDecoder(_pool);
        _bytes = BenchmarkPages.Load(Dpi, Format);
        var header = ImageHeaderReader.Read(_bytes, "page");
        _target = PixelImage.Create(header.Width, header.Height, PixelLayout.Gray8);
    }

    [Benchmark(Baseline = true, Description = "native call")]
    public unsafe int Native()
    {
        fixed (byte* data = _bytes)
        {
            return (int)NativeMethods.DecodeGray(data, (nuint)_bytes.Length, _target.View);
        }
    }

    [Benchmark(Description = "managed wrapper")]
    public int Managed()
    {
        using var image = _decoder.DecodeGray(_bytes, "page");
        return image.Width;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _target.Dispose();
        _pool.Dispose();
    }
}
