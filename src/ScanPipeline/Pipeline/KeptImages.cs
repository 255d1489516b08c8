using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>
/// The store's images folder: each image kept once under its SHA-256, so the board, recounts and
/// exports can show any sheet, and on the disk before any record names it, so a power cut never
/// leaves a counted sheet without its image. A scanned file on the images folder's file system is
/// kept as itself, linked and made read-only, so a night's images take the disk once, not twice.
/// </summary>
/// <param name="flush">Writes the folder's file system to disk; the default is syncfs.</param>
public sealed class KeptImages(string folder, Action<string>? flush = null)
{
    private readonly Action<string> _flush = flush ?? FileSystemFlush.Flush;

    // Written by the workers, not yet known to be on the disk.
    private readonly ConcurrentQueue<string> _unflushed = new();

    // Held while an image is named and queued, and while a worker asks whether one it found is queued.
    private readonly Lock _naming = new();

    public string Folder => folder;

    /// <summary>False to write a copy of every image even where the scanned file could be linked.</summary>
    public bool LinkScannedFiles { get; init; } = true;

    /// <summary>Keeps the sheet's images not kept yet; true when one was (it is sure to be on the disk after the next <see cref="Flush"/>).</summary>
    public bool Keep(RawSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var wrote = Keep(sheet.Files.Front, sheet.Front, sheet.FrontHash);
        if (sheet.Files.Back is { } back && sheet.Back is { } bytes && sheet.BackHash is { } hash)
        {
            wrote |= Keep(back, bytes, hash);
        }

        return wrote;
    }

    /// <summary>Returns once every image written so far is on the disk; those images then leave the page cache.</summary>
    public void Flush()
    {
        var written = _unflushed.Count;
        _flush(folder);
        for (var i = 0; i < written && _unflushed.TryDequeue(out var path); i++)
        {
            PageCacheRelease.Release(path);
        }
    }

    private bool Keep(string file, Ingest.FileBytes bytes, string hash)
    {
        var path = Path.Combine(folder, ReadSheet.KeptImageName(hash, file));
        if (IsKept(path, bytes, hash))
        {
            // Kept by another sheet whose record may not be written yet (a duplicate read ahead of
            // its original): this sheet's record must wait for the same flush.
            lock (_naming)
            {
                return _unflushed.Contains(path);
            }
        }

        // Made aside and moved into place, so the name never shows half an image; one left
        // incomplete by a power cut before its sheet was recorded fails IsKept and is kept again.
        var temp = path + "." + Environment.CurrentManagedThreadId + ".tmp";
        if (!LinkScannedFiles || bytes.Source is not { } source || !LinkScannedFile.TryLink(file, temp, source))
        {
            bytes.WriteTo(temp);
        }

        // Named and queued at once, so a worker that finds the name also finds it queued until it is on the disk.
        lock (_naming)
        {
            File.Move(temp, path, overwrite: true);
            _unflushed.Enqueue(path);
        }

        // Moving a name onto another name of the same file leaves both (POSIX rename).
        File.Delete(temp);
        return true;
    }

    private static bool IsKept(string path, Ingest.FileBytes bytes, string hash)
    {
        if (Ingest.FileIdentity.Of(path) is not { } kept || kept.Length != bytes.Length)
        {
            return false;
        }

        // The very file whose bytes were just read and hashed, unwritten since (a scanned file fed
        // again, kept as itself): reading and hashing it a second time would prove nothing new.
        if (bytes.Source == kept)
        {
            return true;
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == hash;
    }
}
