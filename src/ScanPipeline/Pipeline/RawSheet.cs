using System.Buffers;
using System.Security.Cryptography;
using CentralCount.ScanPipeline.Ingest;

namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>
/// A sheet's files as read from disk: bytes (in pooled arrays, given back on Dispose), per-file
/// SHA-256, and the sheet's content hash (the same whichever file is called the front).
/// </summary>
public sealed class RawSheet : IDisposable
{
    private RawSheet(int index, SheetFiles files, FileBytes front, FileBytes? back)
    {
        Index = index;
        Files = files;
        Front = front;
        Back = back;
        FrontHash = Hash(front);
        BackHash = back is null ? null : Hash(back);
    }

    public int Index { get; }

    public SheetFiles Files { get; }

    public FileBytes Front { get; }

    public FileBytes? Back { get; }

    public string FrontHash { get; }

    public string? BackHash { get; }

    public string ContentHash
    {
        get
        {
            if (BackHash is null)
            {
                return FrontHash;
            }

            var (a, b) = string.CompareOrdinal(FrontHash, BackHash) <= 0 ? (FrontHash, BackHash) : (BackHash, FrontHash);
            return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(a + b)));
        }
    }

    /// <summary>Reads and hashes a sheet's files.</summary>
    public static RawSheet Read(int index, SheetFiles files, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var pool = ArrayPool<byte>.Shared;
        var front = FileBytes.Read(files.Front, pool, cancellation);
        try
        {
            var back = files.Back is null ? null : FileBytes.Read(files.Back, pool, cancellation);
            return new RawSheet(index, files, front, back);
        }
        catch
        {
            front.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Front.Dispose();
        Back?.Dispose();
    }

    private static string Hash(FileBytes bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
}
