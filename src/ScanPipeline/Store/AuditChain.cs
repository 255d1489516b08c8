using System.Security.Cryptography;
using System.Text;

namespace CentralCount.ScanPipeline.Store;

/// <summary>One entry of the append-only audit log.</summary>
public sealed record AuditEntry(long Seq, string At, string Kind, string Detail, string PreviousHash, string Hash);

/// <summary>
/// The audit log's hash chain: each entry's hash covers its own fields and the hash of the entry
/// before it, so changing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(long seq, string at, string kind, string detail, string previousHash)
    {
        var text = string.Join('\u001f', seq.ToString(System.Globalization.CultureInfo.InvariantCulture), at, kind, detail, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The first entry that breaks the chain, with why; null when every entry holds.</summary>
    public static string? FirstBreak(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = Genesis;
        long expectedSeq = 1;
        foreach (var e in entries)
        {
            if (e.Seq != expectedSeq)
            {
                return $"entry {expectedSeq} is missing (next is {e.Seq})";
            }

            if (e.PreviousHash != previous)
            {
                return $"entry {e.Seq} ({e.Kind}) does not follow entry {e.Seq - 1}: the log was changed before it";
            }

            if (HashOf(e.Seq, e.At, e.Kind, e.Detail, e.PreviousHash) != e.Hash)
            {
                return $"entry {e.Seq} ({e.Kind}) was altered: its hash does not match its contents";
            }

            previous = e.Hash;
            expectedSeq++;
        }

        return null;
    }
}
