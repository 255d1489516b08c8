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
/// <remarks>
/// The two are measured in turns over short rounds of the same sheets, each round its own batch,
/// and summed: a shared virtual machine's pace drifts by a fifth over tens of seconds, and two
/// long measurements one after the other would compare two different machines.
/// </remarks>
internal static class Throughput
{
    // Short enough that the pace barely drifts within a round, long enough that filling and
    // draining the pipeline is a small share of it.
    private const int RoundSheets = 250;

    // Read only says where the time goes, not how long a run takes: measured on the first rounds.
    private const int ReadOnlySheets = 1000;

    public static async Task RunAsync(string electionFile, string folder, int pages, int workers, bool decodeOnly)
    {
        var election = ElectionFiles.Open(electionFile);
        var sheets = PairSheetFiles.InFolder(folder).Where(s => s.Back is not null).ToList();
        var wanted = Enumerable.Range(0, (pages + 1) / 2).Select(i => sheets[i % sheets.Count] with { Seq = i + 1 }).ToList();
        Console.WriteLine($"{wanted.Count * 2} pages from {sheets.Count} sheets in {folder}, {workers} worker(s), measured in turns over rounds of {RoundSheets * 2} pages");

        Cache(wanted.DistinctBy(s => s.Front));

        // Warm-up sheets are ones the measured run does not use where the folder has them, so
        // none of the measured sheets is recorded as a duplicate of a warm-up sheet.
        // Enough of them that the runtime has finished optimising the hot code (it recompiles a
        // method only after many calls, in the background), which takes a few hundred pages.
        const int WarmUpSheets = 150;
        var spare = sheets.Skip(Math.Min(sheets.Count, wanted.Count)).Take(WarmUpSheets * workers).ToList();
        var warmUp = spare.Count > 0 ? spare : wanted.Take(WarmUpSheets * workers).ToList();
        // One pool for every decode-only round, as the pipeline keeps one for the whole run.
        using var decodePool = new PixelMemoryPool();
        var decoder = new ImageDecoder(decodePool);
        DecodeOnly(warmUp, workers, decoder);
        if (decodeOnly)
        {
            var alone = Spent.Of(() => DecodeOnly(wanted, workers, decoder));
            Console.WriteLine($"decode only:  {alone.PagesPerSecond(wanted.Count * 2):F1} pages/s, {alone.ProcessorPerPage(wanted.Count * 2):F2} ms of processor time a page");
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
            var scan = new ScanBatch(store, Reader, workers);
            ReadOnly(warmUp, workers, Reader);
            _ = await scan.RunAsync(warmUp, new BatchInfo("warm-up", "bench", null, null, folder), null, CancellationToken.None);

            var (decode, read, end) = (default(Spent), default(Spent), default(Spent));
            var (readPages, counted, rejected, duplicates) = (0, 0, 0, 0);
            var ratios = new List<double>();
            var heap = default(HeapUse);
            var rounds = wanted.Chunk(RoundSheets).ToList();
            for (var r = 0; r < rounds.Count; r++)
            {
                var round = rounds[r].ToList();
                var roundPages = round.Count * 2;
                Spent RoundDecode()
                {
                    Cache(round);
                    return Spent.Of(() => DecodeOnly(round, workers, decoder));
                }

                async Task<Spent> RoundEnd()
                {
                    Cache(round);
                    var before = HeapUse.Now();
                    var (spent, result) = await Spent.OfAsync(() => scan.RunAsync(round, new BatchInfo($"throughput-{r + 1}", "bench", null, null, folder), null, CancellationToken.None));
                    heap += HeapUse.Now() - before;
                    (counted, rejected, duplicates) = (counted + result.Counted, rejected + result.Rejected, duplicates + result.Duplicates);
                    return spent;
                }

                // Turn about, so neither measurement always follows the other.
                Spent d, e;
                if (r % 2 == 0)
                {
                    d = RoundDecode();
                    e = await RoundEnd();
                }
                else
                {
                    e = await RoundEnd();
                    d = RoundDecode();
                }

                (decode, end) = (decode + d, end + e);
                ratios.Add(d.Wall / e.Wall);
                if (readPages < ReadOnlySheets * 2)
                {
                    Cache(round);
                    read += Spent.Of(() => ReadOnly(round, workers, Reader));
                    readPages += roundPages;
                }
            }

            var all = wanted.Count * 2;
            ratios.Sort();
            Console.WriteLine($"decode only:  {decode.PagesPerSecond(all):F1} pages/s, {decode.ProcessorPerPage(all):F2} ms of processor time a page");
            Console.WriteLine($"read only:    {read.PagesPerSecond(readPages):F1} pages/s, {read.ProcessorPerPage(readPages):F2} ms of processor time a page on {readPages} pages (read, hash, decode, register, interpret; no store)");
            Console.WriteLine($"end to end:   {end.PagesPerSecond(all):F1} pages/s, {end.ProcessorPerPage(all):F2} ms of processor time a page ({counted} counted, {rejected} rejected, {duplicates} duplicates)");
            Console.WriteLine($"ratio:        {decode.Wall / end.Wall:F2} of decode-only over all {rounds.Count} rounds " +
                $"(rounds: lowest {ratios[0]:F2}, median {ratios[ratios.Count / 2]:F2}, highest {ratios[^1]:F2})");
            Console.WriteLine($"managed heap: {heap.Allocated / (all * 1024.0):F0} KB allocated a page end to end; " +
                $"collections gen0 {heap.Gen0}, gen1 {heap.Gen1}, gen2 {heap.Gen2}; paused {heap.Paused.TotalMilliseconds:F0} ms");
            Console.WriteLine($"peak RSS:     {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MB");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    // Every measurement reads its files from the page cache, as a count reads the files a scanner
    // has just written: the first pass over a folder would otherwise pay for the disk, and so would
    // a pass after the pipeline let its kept images (the scanned files themselves, where linked)
    // leave the cache. Untimed.
    private static void Cache(IEnumerable<SheetFiles> sheets)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            foreach (var file in sheets.SelectMany(s => new[] { s.Front, s.Back! }))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0);
                while (stream.Read(buffer) > 0)
                {
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The pipeline's work on each sheet without the pipeline: what the store, the kept images and
    // the hand-offs between stages add is the difference between this and end to end.
    private static void ReadOnly(List<SheetFiles> sheets, int workers, Func<ReadSheet> reader) =>
        Parallel.ForEach(sheets, new ParallelOptions { MaxDegreeOfParallelism = workers }, reader, (files, state, read) =>
        {
            using var sheet = RawSheet.Read(0, files);
            _ = read.Read(sheet, "bench");
            return read;
        }, _ => { });

    private static void DecodeOnly(List<SheetFiles> sheets, int workers, ImageDecoder decoder) =>
        Parallel.ForEach(sheets, new ParallelOptions { MaxDegreeOfParallelism = workers }, sheet =>
        {
            foreach (var file in new[] { sheet.Front, sheet.Back! })
            {
                using var bytes = FileBytes.Read(file, ArrayPool<byte>.Shared);
                using var image = decoder.DecodeGray(bytes.Span, file);
            }
        });

    /// <summary>Wall-clock and processor time (every thread of the process, user and system) spent on some work.</summary>
    private readonly record struct Spent(TimeSpan Wall, TimeSpan Processor)
    {
        public static Spent operator +(Spent a, Spent b) => new(a.Wall + b.Wall, a.Processor + b.Processor);

        public static Spent Of(Action work)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            work();
            return new(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        }

        public static async Task<(Spent Spent, T Result)> OfAsync<T>(Func<Task<T>> work)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = await work().ConfigureAwait(false);
            return (new(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu), result);
        }

        public double PagesPerSecond(int pages) => pages / Wall.TotalSeconds;

        public double ProcessorPerPage(int pages) => Processor.TotalMilliseconds / pages;
    }

    /// <summary>The managed heap's allocations, collections and pauses so far; differences of two are what happened between them.</summary>
    private readonly record struct HeapUse(long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        public static HeapUse Now() =>
            new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public static HeapUse operator +(HeapUse a, HeapUse b) =>
            new(a.Allocated + b.Allocated, a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2, a.Paused + b.Paused);

        public static HeapUse operator -(HeapUse a, HeapUse b) =>
            new(a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused);
    }
}
