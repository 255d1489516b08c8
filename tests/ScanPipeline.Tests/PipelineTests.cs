using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.ScanPipeline.Ingest;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Store;
using CentralCount.TestDeck.Corpus;

namespace CentralCount.ScanPipeline.Tests;

/// <summary>The pipeline and store under the things that go wrong in a counting center: nothing lost, nothing counted twice.</summary>
public sealed class PipelineTests(BatchCorpus corpus) : IClassFixture<BatchCorpus>, IDisposable
{
    private readonly PixelMemoryPool _pool = new();

    [Fact]
    public async Task Every_sheet_is_counted_once_and_copies_of_it_are_duplicates_never_counted()
    {
        using var store = corpus.NewStore();
        var first = await corpus.ScanAsync(store, corpus.Folder, "b1", _pool);
        Assert.Equal(corpus.ReadableSheets, first.Counted);
        var contests = store.ContestResults().Count();

        // The same images again, under other names and in another batch.
        var copy = corpus.CopyBatch("copies");
        foreach (var f in Directory.GetFiles(copy))
        {
            File.Move(f, Path.Combine(copy, "again-" + Path.GetFileName(f)));
        }

        var again = await corpus.ScanAsync(store, copy, "b2", _pool);
        Assert.Equal(0, again.Counted);
        Assert.Equal(corpus.Manifest.Sheets.Count, again.Duplicates + again.Rejected);
        Assert.Equal(contests, store.ContestResults().Count());
        Assert.Null(AuditChain.FirstBreak(store.AuditLog()));
    }

    [Fact]
    public async Task Scanning_a_batch_again_resumes_and_a_rescan_replaces_it_with_an_audit_entry()
    {
        using var store = corpus.NewStore();
        await corpus.ScanAsync(store, corpus.Folder, "b1", _pool);
        var resumed = await corpus.ScanAsync(store, corpus.Folder, "b1", _pool);
        Assert.Equal(0, resumed.Counted + resumed.Rejected + resumed.Duplicates);

        var removed = store.ReplaceBatch("b1", "test");
        Assert.Equal(corpus.Manifest.Sheets.Count, removed);
        var rescanned = await corpus.ScanAsync(store, corpus.Folder, "b1", _pool);
        Assert.Equal(corpus.ReadableSheets, rescanned.Counted);
        Assert.Contains(store.AuditLog(), e => e.Kind == "batch-rescan");
        Assert.Null(AuditChain.FirstBreak(store.AuditLog()));
    }

    [Fact]
    public async Task A_corrupt_and_a_half_written_file_reject_their_sheets_with_a_reason_and_the_rest_count()
    {
        var folder = corpus.CopyBatch("damaged");
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        File.WriteAllBytes(files[4], [.. Enumerable.Repeat((byte)0x5A, 5000)]);
        var half = File.ReadAllBytes(files[9]);
        File.WriteAllBytes(files[9], half[..(half.Length / 2)]);
        using var store = corpus.NewStore();
        var result = await corpus.ScanAsync(store, folder, "b1", _pool);
        var batch = Assert.Single(store.Batches());
        Assert.Equal(corpus.Manifest.Sheets.Count, batch.Scanned);
        Assert.True(batch.RejectReasons.GetValueOrDefault("unreadable-image") >= 2, string.Join(", ", batch.RejectReasons));
        Assert.True(result.Counted >= corpus.ReadableSheets - 2);
    }

    [Fact]
    public void In_a_watched_folder_a_file_still_being_written_waits_for_the_next_look()
    {
        var folder = corpus.CopyBatch("hot");
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        foreach (var f in files)
        {
            File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddMinutes(-1));
        }

        File.SetLastWriteTimeUtc(files[^1], DateTime.UtcNow);
        var sheets = PairSheetFiles.InFolder(folder, TimeSpan.FromSeconds(2));
        Assert.Equal(corpus.Manifest.Sheets.Count - 1, sheets.Count);
        Assert.All(sheets, s => Assert.NotNull(s.Back));
        Assert.Equal(corpus.Manifest.Sheets.Count, PairSheetFiles.InFolder(folder).Count);
    }

    [Fact]
    public async Task A_full_disk_stops_the_scan_keeps_what_was_recorded_and_the_scan_resumes_once_there_is_room()
    {
        var mount = Path.Combine(corpus.Root, "small-disk-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(mount);
        Run("mount", $"-t tmpfs -o size=2m tmpfs {mount}");
        try
        {
            using (var store = corpus.NewStore(mount))
            {
                var error = await Record.ExceptionAsync(() => corpus.ScanAsync(store, corpus.Folder, "b1", _pool));
                Assert.True(error is IOException or CountStoreException, $"expected a disk-full error, got {error}");
                Assert.Null(AuditChain.FirstBreak(store.AuditLog()));
                // An image the disk had no room for leaves no partial file behind.
                Assert.Empty(Directory.GetFiles(store.ImagesFolder, "*.tmp"));
            }

            Run("mount", $"-o remount,size=64m {mount}");
            using (var store = CountStore.Open(Path.Combine(mount, "count.db")))
            {
                await corpus.ScanAsync(store, corpus.Folder, "b1", _pool);
                var batch = Assert.Single(store.Batches());
                Assert.Equal(corpus.Manifest.Sheets.Count, batch.Scanned);
                Assert.Equal(corpus.ReadableSheets, batch.Counted);
                Assert.Equal(0, batch.Duplicates);
                Assert.Null(AuditChain.FirstBreak(store.AuditLog()));
            }
        }
        finally
        {
            Run("umount", mount);
        }
    }

    [Fact]
    public async Task Every_image_is_on_the_disk_before_the_sheet_naming_it_is_recorded()
    {
        using var store = corpus.NewStore();
        var flushed = new HashSet<string>(StringComparer.Ordinal);
        var early = new List<string>();
        var flushes = 0;
        var images = new KeptImages(store.ImagesFolder, folder =>
        {
            // Called on the writer's thread just before a group is recorded: everything recorded
            // so far must have been flushed by an earlier call.
            flushes++;
            early.AddRange(ImagesOf(store).Where(name => !flushed.Contains(name)));
            flushed.UnionWith(Directory.GetFiles(folder).Select(f => Path.GetFileName(f)));
        });
        var result = await corpus.ScanAsync(store, corpus.Folder, "b1", _pool, images);
        Assert.Equal(corpus.ReadableSheets, result.Counted);
        Assert.InRange(flushes, 1, corpus.Manifest.Sheets.Count);
        Assert.Empty(early);
        Assert.All(ImagesOf(store), name => Assert.Contains(name, flushed));
    }

    [Fact]
    public async Task An_image_left_incomplete_by_a_power_cut_is_written_again_when_the_batch_is_scanned_again()
    {
        using var store = corpus.NewStore();
        // Copies, as on a store beside another file system: a linked image is the scanned file
        // itself, which no write of the store's can leave incomplete.
        KeptImages Copies() => new(store.ImagesFolder) { LinkScannedFiles = false };
        await corpus.ScanAsync(store, corpus.Folder, "b1", _pool, Copies());
        var kept = ImagesOf(store).Select(name => Path.Combine(store.ImagesFolder, name)).Order(StringComparer.Ordinal).ToList();
        var cut = kept[0];
        var garbled = kept[1];
        File.WriteAllBytes(cut, File.ReadAllBytes(cut)[..1000]);
        var same = File.ReadAllBytes(garbled);
        same[same.Length / 2] ^= 0xFF;
        File.WriteAllBytes(garbled, same);

        // As after a power cut that lost the last transactions: the batch is scanned again.
        store.ReplaceBatch("b1", "test");
        await corpus.ScanAsync(store, corpus.Folder, "b1", _pool, Copies());
        foreach (var path in kept)
        {
            Assert.Equal(Path.GetFileNameWithoutExtension(path), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
        }
    }

    [Fact]
    public async Task Kept_images_are_on_the_disk_and_out_of_the_page_cache_once_their_sheets_are_recorded()
    {
        using var store = corpus.NewStore();
        await corpus.ScanAsync(store, corpus.Folder, "b1", _pool);
        var kept = ImagesOf(store).Distinct(StringComparer.Ordinal).Select(name => Path.Combine(store.ImagesFolder, name)).ToList();
        Assert.NotEmpty(kept);
        // A memory file system has no disk to leave the images on: there the cache is the file.
        if (new DriveInfo(store.ImagesFolder).DriveFormat is "tmpfs" or "ramfs")
        {
            return;
        }

        var cached = kept.Where(path => PageCacheResidency.ResidentBytes(path) > 0).ToList();
        Assert.True(cached.Count == 0, $"{cached.Count} of {kept.Count} kept images still fill the page cache, e.g. {cached.FirstOrDefault()}");
    }

    [Fact]
    public async Task Streaks_through_the_positions_on_three_sheets_in_a_row_halt_the_scan_as_a_station_fault()
    {
        // Sheets 3, 4 and 5 of 30 carry a streak through the ovals, as dust on the glass would draw.
        var style = corpus.Election.BallotStyles[0];
        var streak = new SheetDirective(style.Id, 1, s => s, ExpectedReject.StreakThroughPositions, false, []);
        var folder = corpus.Generate("streaks", 30, 77, new Dictionary<int, SheetDirective> { [2] = streak, [3] = streak, [4] = streak });

        using var store = corpus.NewStore();
        var halted = await corpus.ScanAsync(store, folder, "b1", _pool);
        Assert.NotNull(halted.StationFault);
        Assert.Contains("station-1", halted.StationFault, StringComparison.Ordinal);
        Assert.Contains("44.3.1714", halted.StationFault, StringComparison.Ordinal);
        Assert.Equal(3, halted.Rejected);
        var recorded = store.RecordedSeqs("b1");
        Assert.Contains(5, recorded);
        // The writer records what is ready in one group, so a few sheets after the fifth may be in; never the whole batch.
        Assert.True(recorded.Count < 30, "the scan went on past the station fault");
        Assert.Contains(store.AuditLog(), e => e.Kind == "station-fault" && e.Detail.Contains("sheet 5", StringComparison.Ordinal));
        Assert.Null(AuditChain.FirstBreak(store.AuditLog()));

        // Two streaked sheets in a row are rejects, not a fault.
        var two = corpus.Generate("two-streaks", 6, 78, new Dictionary<int, SheetDirective> { [1] = streak, [2] = streak, [4] = streak });

        using var other = corpus.NewStore();
        var finished = await corpus.ScanAsync(other, two, "b1", _pool);
        Assert.Null(finished.StationFault);
        Assert.Equal(6, finished.Counted + finished.Rejected);
    }

    [Fact]
    public async Task Streaked_sheets_that_arrive_one_look_at_a_time_in_a_hot_folder_still_halt_the_scan()
    {
        var style = corpus.Election.BallotStyles[0];
        var streak = new SheetDirective(style.Id, 1, s => s, ExpectedReject.StreakThroughPositions, false, []);
        var folder = corpus.Generate("hot-streaks", 8, 79, new Dictionary<int, SheetDirective> { [2] = streak, [3] = streak, [4] = streak });
        var sheets = PairSheetFiles.InFolder(folder);
        using var store = corpus.NewStore();
        var registrar = new PageRegistrar(corpus.Election);
        var scan = new ScanBatch(store, () => new ReadSheet(corpus.Election, registrar, new InterpretSheet(corpus.References), _pool), 2);
        var batch = new BatchInfo("hot", "station-2", null, null, folder);
        // Each look at the folder finds one more sheet, as when the scanner writes while the count runs.
        ScanProgress? last = null;
        for (var seen = 3; seen <= 6 && last?.StationFault is null; seen++)
        {
            last = await scan.RunAsync([.. sheets.Take(seen)], batch, null, CancellationToken.None);
        }

        Assert.NotNull(last!.StationFault);
        Assert.Contains("station-2", last.StationFault, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4, 5], store.RecordedSeqs("hot").Order());
    }

    [Fact]
    public async Task Ten_sheets_in_a_row_rejected_halt_the_scan_as_a_reject_spike_and_nine_do_not()
    {
        var style = corpus.Election.BallotStyles[0];
        var broken = new SheetDirective(style.Id, 1, s => s, ExpectedReject.MissingTimingMarks, false, []);
        async Task<ScanProgress> ScanWithBroken(int brokenInARow, int seed)
        {
            var folder = corpus.Generate("spike", 30, seed, Enumerable.Range(0, brokenInARow).ToDictionary(i => i + 1, _ => broken));

            using var store = corpus.NewStore();
            var result = await corpus.ScanAsync(store, folder, "b1", _pool);
            if (result.StationFault is not null)
            {
                Assert.Contains(store.AuditLog(), e => e.Kind == "station-fault" && e.Detail.Contains("sheet 11", StringComparison.Ordinal));
                Assert.True(store.RecordedSeqs("b1").Count < 30, "the scan went on past the reject spike");
            }

            return result;
        }

        var spike = await ScanWithBroken(10, 91);
        Assert.NotNull(spike.StationFault);
        Assert.Contains("10 sheets in a row rejected", spike.StationFault, StringComparison.Ordinal);
        var nine = await ScanWithBroken(9, 92);
        Assert.Null(nine.StationFault);
        Assert.Equal(9, nine.Rejected);
    }

    private static IEnumerable<string> ImagesOf(CountStore store) =>
        store.CountedSheets().SelectMany(s => new[] { s.FrontImage, s.BackImage }).OfType<string>();

    public void Dispose() => _pool.Dispose();

    private static void Run(string command, string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {arguments}: {process.StandardError.ReadToEnd()}");
    }
}
