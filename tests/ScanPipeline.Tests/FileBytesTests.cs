using System.Buffers;
using CentralCount.ScanPipeline.Ingest;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.ScanPipeline.Tests;

/// <summary>Files read into pooled arrays: exactly the file's bytes, whatever its size, and the array given back once.</summary>
public sealed class FileBytesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("filebytes");

    [Fact]
    public void A_file_read_and_written_again_is_byte_for_byte_the_same()
    {
        var pool = ArrayPool<byte>.Create(4 * 1024 * 1024, 4);
        Prop.ForAll(Arb.From(Gen.Choose(0, 1_500_000)), Arb.From(Gen.Choose(0, int.MaxValue)), (length, seed) =>
        {
            var content = new byte[length];
            new Random(seed).NextBytes(content);
            var path = Path.Combine(_dir.FullName, "page.jpg");
            File.WriteAllBytes(path, content);
            using var bytes = FileBytes.Read(path, pool);
            var copy = Path.Combine(_dir.FullName, "kept.jpg");
            bytes.WriteTo(copy);
            return bytes.Length == length && bytes.Span.SequenceEqual(content) && File.ReadAllBytes(copy).AsSpan().SequenceEqual(content);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_missing_file_is_an_error_that_names_it()
    {
        var path = Path.Combine(_dir.FullName, "no-such-page.jpg");
        var error = Assert.Throws<FileNotFoundException>(() => FileBytes.Read(path, ArrayPool<byte>.Shared));
        Assert.Contains("no-such-page.jpg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_too_large_for_a_page_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_dir.FullName, "huge.jpg");
        using (var stream = File.Create(path))
        {
            stream.SetLength(FileBytes.MaxLength + 1);
        }

        var error = Assert.Throws<IOException>(() => FileBytes.Read(path, ArrayPool<byte>.Shared));
        Assert.Contains("huge.jpg", error.Message, StringComparison.Ordinal);
        Assert.Contains("too large for a scanned page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_dispose_the_bytes_are_gone_and_the_array_is_given_back_once()
    {
        var path = Path.Combine(_dir.FullName, "page.jpg");
        File.WriteAllBytes(path, [1, 2, 3]);
        var pool = new CountingPool();
        var bytes = FileBytes.Read(path, pool);
        Assert.Equal((1, 0), (pool.Rented, pool.Returned));
        bytes.Dispose();
        bytes.Dispose();
        Assert.Equal((1, 1), (pool.Rented, pool.Returned));
        Assert.Throws<ObjectDisposedException>(() => bytes.Span.Length);
    }

    [Fact]
    public void A_read_stopped_half_way_gives_its_array_back()
    {
        var path = Path.Combine(_dir.FullName, "page.jpg");
        File.WriteAllBytes(path, new byte[100_000]);
        var pool = new CountingPool();
        Assert.ThrowsAny<OperationCanceledException>(() => FileBytes.Read(path, pool, new CancellationToken(canceled: true)));
        Assert.Equal((1, 1), (pool.Rented, pool.Returned));
    }

    private sealed class CountingPool : ArrayPool<byte>
    {
        public int Rented { get; private set; }

        public int Returned { get; private set; }

        public override byte[] Rent(int minimumLength)
        {
            Rented++;
            return new byte[minimumLength];
        }

        public override void Return(byte[] array, bool clearArray = false) => Returned++;
    }

    public void Dispose() => _dir.Delete(true);
}
