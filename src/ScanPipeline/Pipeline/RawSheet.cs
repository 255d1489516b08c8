using System.Security.Cryptography;
using CentralCount.ScanPipeline.Ingest;

namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>A sheet's files as read from disk: bytes, per-file SHA-256, and the sheet's content hash (the same whichever file is called the front).</summary>
public sealed record RawSheet(int Index, SheetFiles Files, byte[] Front, byte[]? Back, string FrontHash, string? BackHash)
{
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

    public static async Task<RawSheet> ReadAsync(int index, SheetFiles files, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(files);
        var front = await File.ReadAllBytesAsync(files.Front, cancellation).ConfigureAwait(false);
        var back = files.Back is null ? null : await File.ReadAllBytesAsync(files.Back, cancellation).ConfigureAwait(false);
        return new RawSheet(index, files, front, back, Hash(front), back is null ? null : Hash(back));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
