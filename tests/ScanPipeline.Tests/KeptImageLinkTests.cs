using System.Security.Cryptography;
using CentralCount.Imaging;
using CentralCount.ScanPipeline.Ingest;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.ScanPipeline.Tests;

/// <summary>
/// Kept images on the scanner's file system are the scanned files themselves, made read-only;
/// a file that is not the one read and hashed is never linked, and copies remain on request.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KeptImageLinkTests(BatchCorpus corpus) : IClassFixture<BatchCorpus>, IDisposable
{
    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private readonly PixelMemoryPool _pool = new();

    [Fact]
    public async Task A_scanned_file_on_the_stores_file_system_is_kept_as_itself_and_nobody_may_write_to_it()
    {
        var folder = corpus.CopyBatch("linked");
        using var store = corpus.NewStore();
        var result = await corpus.ScanAsync(store, folder, "b1", _pool);
        Assert.Equal(corpus.ReadableSheets, result.Counted);
        var pairs = KeptAndScanned(store, folder);
        Assert.Equal(2 * corpus.ReadableSheets, pairs.Count);
        foreach (var (kept, scanned) in pairs)
        {
            Assert.Equal(Path.GetFileNameWithoutExtension(kept), HashOf(kept));
            Assert.Equal(FileIdentity.Of(scanned)!.Value.Inode, FileIdentity.Of(kept)!.Value.Inode);
            Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(kept) & AnyWrite);
        }
    }

    [Fact]
    public async Task With_copies_asked_for_every_kept_image_is_a_file_of_its_own_and_the_scanned_files_are_left_as_they_were()
    {
        var folder = corpus.CopyBatch("copied");
        using var store = corpus.NewStore();
        var result = await corpus.ScanAsync(store, folder, "b1", _pool, new KeptImages(store.ImagesFolder) { LinkScannedFiles = false });
        Assert.Equal(corpus.ReadableSheets, result.Counted);
        foreach (var (kept, scanned) in KeptAndScanned(store, folder))
        {
            Assert.Equal(Path.GetFileNameWithoutExtension(kept), HashOf(kept));
            Assert.NotEqual(FileIdentity.Of(scanned)!.Value.Inode, FileIdentity.Of(kept)!.Value.Inode);
            Assert.Equal(UnixFileMode.UserWrite, File.GetUnixFileMode(scanned) & UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void A_scanned_file_replaced_or_written_to_after_it_was_read_is_kept_as_the_bytes_that_were_read()
    {
        var (files, store) = FirstSheetAndStore("changed");
        using var owned = store;
        var images = new KeptImages(store.ImagesFolder);
        using var sheet = RawSheet.Read(0, files);

        // The front is replaced by another file under its name; the back is written to in place.
        var other = files.Front + ".new";
        File.WriteAllBytes(other, [.. File.ReadAllBytes(files.Front).Reverse()]);
        File.Move(other, files.Front, overwrite: true);
        using (var back = new FileStream(files.Back!, FileMode.Open, FileAccess.Write))
        {
            back.Position = back.Length / 2;
            back.WriteByte(0x00);
        }

        File.SetLastWriteTimeUtc(files.Back!, DateTime.UtcNow.AddMinutes(1));

        Assert.True(images.Keep(sheet));
        images.Flush();
        foreach (var (file, hash) in new[] { (files.Front, sheet.FrontHash), (files.Back!, sheet.BackHash!) })
        {
            var kept = Path.Combine(store.ImagesFolder, ReadSheet.KeptImageName(hash, file));
            Assert.Equal(hash, HashOf(kept));
            Assert.NotEqual(FileIdentity.Of(file)!.Value.Inode, FileIdentity.Of(kept)!.Value.Inode);
        }

        Assert.Empty(Directory.GetFiles(store.ImagesFolder, "*.tmp"));
    }

    [Fact]
    public void A_sheet_fed_again_waits_for_the_flush_of_its_first_feeds_images_and_then_keeps_nothing_new()
    {
        var (files, store) = FirstSheetAndStore("fed-again");
        using var owned = store;
        var flushes = 0;
        var images = new KeptImages(store.ImagesFolder, _ => flushes++);
        using var first = RawSheet.Read(0, files);
        using var again = RawSheet.Read(1, files);
        Assert.True(images.Keep(first));

        // Read ahead of its first feed's record, the repeat's record too must follow a flush.
        Assert.True(images.Keep(again));
        images.Flush();
        using var third = RawSheet.Read(2, files);
        Assert.False(images.Keep(third));
        Assert.Equal(1, flushes);
    }

    [Fact]
    public void A_kept_copy_damaged_on_the_disk_is_kept_again_when_its_sheet_is_fed_again()
    {
        var (files, store) = FirstSheetAndStore("damaged");
        using var owned = store;
        var images = new KeptImages(store.ImagesFolder) { LinkScannedFiles = false };
        using var first = RawSheet.Read(0, files);
        Assert.True(images.Keep(first));
        images.Flush();

        // Same length, other bytes: only its hash tells it from the image that was kept.
        var kept = Path.Combine(store.ImagesFolder, ReadSheet.KeptImageName(first.FrontHash, files.Front));
        File.SetUnixFileMode(kept, File.GetUnixFileMode(kept) | UnixFileMode.UserWrite);
        var bytes = File.ReadAllBytes(kept);
        bytes[bytes.Length / 2] ^= 0xff;
        File.WriteAllBytes(kept, bytes);

        using var again = RawSheet.Read(1, files);
        Assert.True(images.Keep(again));
        images.Flush();
        Assert.Equal(first.FrontHash, HashOf(kept));
    }

    [Fact]
    public void What_a_file_read_says_of_its_source_is_that_file_as_it_was_read()
    {
        var folder = corpus.CopyBatch("identity");
        var files = PairSheetFiles.InFolder(folder)[0];
        using var sheet = RawSheet.Read(0, files);
        Assert.Equal(FileIdentity.Of(files.Front), sheet.Front.Source);
        Assert.Equal(sheet.Front.Length, sheet.Front.Source!.Value.Length);
        File.SetLastWriteTimeUtc(files.Front, DateTime.UtcNow.AddMinutes(1));
        Assert.NotEqual(FileIdentity.Of(files.Front), sheet.Front.Source);
    }

    public void Dispose() => _pool.Dispose();

    // The first sheet of a fresh copy of the batch, and a fresh store with its images folder made.
    private (SheetFiles Files, CountStore Store) FirstSheetAndStore(string batch)
    {
        var files = PairSheetFiles.InFolder(corpus.CopyBatch(batch))[0];
        var store = corpus.NewStore();
        Directory.CreateDirectory(store.ImagesFolder);
        return (files, store);
    }

    // Each counted sheet's kept images beside the scanned files they were kept from.
    private static List<(string Kept, string Scanned)> KeptAndScanned(CountStore store, string folder) =>
        [.. store.CountedSheets().SelectMany(s => new[] { (s.FrontImage, (string?)s.FrontFile), (s.BackImage, s.BackFile) })
            .Where(p => p.Item1 is not null && p.Item2 is not null)
            .Select(p => (Path.Combine(store.ImagesFolder, p.Item1!), Path.Combine(folder, p.Item2!)))];

    private static string HashOf(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
