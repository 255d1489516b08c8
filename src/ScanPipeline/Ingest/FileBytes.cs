using System.Buffers;

namespace CentralCount.ScanPipeline.Ingest;

/// <summary>
/// A file's contents in an array lent by a pool: scanned pages are read, hashed, decoded and
/// kept by the hundred thousand, and a fresh array for each (a large-object allocation the
/// kernel must first fault in) costs more than the copy itself. Dispose gives the array back.
/// </summary>
public sealed class FileBytes : IDisposable
{
    /// <summary>No scanned page comes near this; a file past it is refused before any memory is taken for it.</summary>
    public const long MaxLength = 1L << 30;

    private readonly ArrayPool<byte> _pool;
    private byte[]? _array;

    private FileBytes(ArrayPool<byte> pool, byte[] array, int length, FileIdentity? source)
    {
        _pool = pool;
        _array = array;
        Length = length;
        Source = source;
    }

    public int Length { get; }

    /// <summary>The file these bytes are, as it was read; null when it changed while it was read (or the system cannot say).</summary>
    public FileIdentity? Source { get; }

    public ReadOnlySpan<byte> Span => (_array ?? throw new ObjectDisposedException(nameof(FileBytes))).AsSpan(0, Length);

    /// <summary>Reads a whole file; a file that grows while it is read is read to its new end.</summary>
    /// <remarks>
    /// Synchronous: the handle is not opened for asynchronous I/O (Linux has none for page-cached
    /// files), so an awaited read would only hand the same read to another thread and wait for it.
    /// </remarks>
    public static FileBytes Read(string path, ArrayPool<byte> pool, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var before = FileIdentity.Of(handle);
        var size = RandomAccess.GetLength(handle);
        if (size > MaxLength)
        {
            throw new IOException($"{path}: {size:N0} bytes is too large for a scanned page (at most {MaxLength:N0})");
        }

        var array = pool.Rent((int)size + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == array.Length)
                {
                    if (length >= MaxLength)
                    {
                        throw new IOException($"{path}: grew past {MaxLength:N0} bytes while it was read");
                    }

                    array = Grow(pool, array, length);
                }

                cancellation.ThrowIfCancellationRequested();
                var read = RandomAccess.Read(handle, array.AsSpan(length), length);
                if (read == 0)
                {
                    var after = FileIdentity.Of(handle);
                    return new FileBytes(pool, array, length, before == after && after?.Length == length ? after : null);
                }

                length += read;
            }
        }
        catch
        {
            pool.Return(array);
            throw;
        }
    }

    /// <summary>Writes the bytes to a file, replacing any file of that name; a write that fails removes the file.</summary>
    public void WriteTo(string path)
    {
        // No space is reserved ahead (fallocate): the file system still refuses a write it has
        // no room for, and reserved space is marked unwritten, to be converted when the data
        // reaches the disk, which costs the count more than the reservation saves.
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.None);
            RandomAccess.Write(handle, Span, 0);
        }
        catch (IOException)
        {
            File.Delete(path);
            throw;
        }
    }

    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            _pool.Return(array);
        }
    }

    private static byte[] Grow(ArrayPool<byte> pool, byte[] array, int length)
    {
        var larger = pool.Rent((int)Math.Min(MaxLength, array.Length * 2L));
        array.AsSpan(0, length).CopyTo(larger);
        pool.Return(array);
        return larger;
    }
}
