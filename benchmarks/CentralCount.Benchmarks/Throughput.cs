using System.Buffers;
using System.Diagnostics;
using CentralCount.Election;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.ScanPipeline.Ingest;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Store;
using CentralCount.TestDeck.Rendering;

namespace CentralCount.Benchmarks;

/// <summary>
/// The end-to-end throughput benchmark: on the same files and the same number of cores, pages
/// per second decoding only, against pages per second through the whole pipeline into a fresh
/// store (read, hash, decode, register, interpret, record). Sheets are reused in order to reach
/// the page count asked for (a repeat is fully read and then recorded as a duplicate), and the
/// peak resident memory of the process is reported. Both read files the same way (into pooled
/// arrays), and each is warmed up first on 150 sheets a worker (code compiled and optimised,
/// pools filled), so the figures are the steady pace of a long count.
/// </summary>
internal static class Throughput
{
    public static async Task RunAsync(string electionFile, string folder, int pages, int workers, bool decodeOnly)
    {
        var election = ElectionFiles.Open(electionFile);
        var sheets = PairSheetFiles.InFolder(folder).Where(s => s.Back is not null).ToList();
        var wanted = Enumerable.Range(0, (pages + 1) / 2).Select(i => sheets[i % sheets.Count] with { Seq = i + 1 }).ToList();
        Console.WriteLine($"{wanted.Count * 2} pages from {sheets.Count} sheets in {folder}, {workers} worker(s)");

        // Both measurements read the files from the page cache: the first pass over a folder
        // otherwise pays for the disk and makes decode-only look slow.
        foreach (var sheet in wanted.DistinctBy(s => s.Front))
        {
            _ = File.ReadAllBytes(sheet.Front);
            _ = File.ReadAllBytes(sheet.Back!);
        }

        // Warm-up sheets are ones the measured run does not use where the folder has them, so
        // none of the measured sheets is recorded as a duplicate of a warm-up sheet.
        // Enough of them that the runtime has finished optimising the hot code (it recompiles a
        // method only after many calls, in the background), which takes a few hundred pages.
        const int WarmUpSheets = 150;
        var spare = sheets.Skip(Math.Min(sheets.Count, wanted.Count)).Take(WarmUpSheets * workers).ToList();
        var warmUp = spare.Count > 0 ? spare : wanted.Take(WarmUpSheets * workers).ToList();
        _ = DecodeOnly(warmUp, workers);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var decode = DecodeOnly(wanted, workers);
        Console.WriteLine($"decode only:  {decode:F1} pages/s, {CpuPerPage(cpu, wanted.Count * 2):F2} ms of processor time a page");
        if (decodeOnly)
        {
            return;
        }

        var dir = Directory.CreateTempSubdirectory("throughput");
        try
        {
            using var store = CountStore.Open(Path.Combine(dir.FullName, "count.db"));
            store.LoadElection(File.ReadAllBytes(electionFile), electionFile);
            using var pool = new PixelMemoryPool();
            var references = RenderedBlankPages.References(election);
            foreach (var style in election.BallotStyles)
            {
                foreach (var (sheet, page) in style.Pages())
                {
                    references.For(style.Id, sheet, page.Side);
                }
            }

            var registrar = new PageRegistrar(election);
            ReadSheet Reader() => new(election, registrar, new InterpretSheet(references), pool);
            // On the first thousand sheets at most: it says where the time goes, not how long a run takes.
            var sample = wanted.Take(1000).ToList();
            _ = ReadOnly(warmUp, workers, Reader);
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var read = ReadOnly(sample, workers, Reader);
            Console.WriteLine($"read only:    {read:F1} pages/s, {CpuPerPage(cpu, sample.Count * 2):F2} ms of processor time a page on {sample.Count * 2} pages (read, hash, decode, register, interpret; no store)");

            var scan = new ScanBatch(store, Reader, workers);
            _ = await scan.RunAsync(warmUp, new BatchInfo("warm-up", "bench", null, null, folder), null, CancellationToken.None);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var paused = GC.GetTotalPauseDuration();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = await scan.RunAsync(wanted, new BatchInfo("throughput", "bench", null, null, folder), null, CancellationToken.None);
            var end = wanted.Count * 2 / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"end to end:   {end:F1} pages/s, {CpuPerPage(cpu, wanted.Count * 2):F2} ms of processor time a page " +
                $"({result.Counted} counted, {result.Rejected} rejected, {result.Duplicates} duplicates)");
            Console.WriteLine($"ratio:        {end / decode:F2} of decode-only");
            Console.WriteLine($"managed heap: {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (wanted.Count * 2 * 1024.0):F0} KB allocated a page; " +
                $"collections gen0 {GC.CollectionCount(0) - collections.Item1}, gen1 {GC.CollectionCount(1) - collections.Item2}, gen2 {GC.CollectionCount(2) - collections.Item3}; " +
                $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
            Console.WriteLine($"peak RSS:     {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MB");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    // Processor time of the whole process (every thread, user and system) since a reading, per page.
    private static double CpuPerPage(TimeSpan since, int pages) =>
        (Process.GetCurrentProcess().TotalProcessorTime - since).TotalMilliseconds / pages;

    // The pipeline's work on each sheet without the pipeline: what the store, the kept images and
    // the hand-offs between stages add is the difference between this and end to end.
    private static double ReadOnly(List<SheetFiles> sheets, int workers, Func<ReadSheet> reader)
    {
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(sheets, new ParallelOptions { MaxDegreeOfParallelism = workers }, reader, (files, state, read) =>
        {
            using var sheet = RawSheet.ReadAsync(0, files, CancellationToken.None).GetAwaiter().GetResult();
            _ = read.Read(sheet, "bench");
            return read;
        }, _ => { });
        return sheets.Count * 2 / clock.Elapsed.TotalSeconds;
    }

    private static double DecodeOnly(List<SheetFiles> sheets, int workers)
    {
        using var pool = new PixelMemoryPool();
        var decoder = new ImageDecoder(pool);
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(sheets, new ParallelOptions { MaxDegreeOfParallelism = workers }, sheet =>
        {
            foreach (var file in new[] { sheet.Front, sheet.Back! })
            {
                using var bytes = FileBytes.Read(file, ArrayPool<byte>.Shared);
                using var image = decoder.DecodeGray(bytes.Span, file);
            }
        });
        return sheets.Count * 2 / clock.Elapsed.TotalSeconds;
    }
}
