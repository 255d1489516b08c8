using System.CommandLine;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.ScanPipeline.Ingest;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Store;
using CentralCount.TestDeck.Rendering;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount scan FOLDER</c>: read a batch folder (or watch it) into the count store (docs/operations.md).</summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The batch folder the scanner writes into." };
        var store = StoreOption.Create();
        var batch = new Option<string?>("--batch") { Description = "Batch id (default: batch.json's, else the folder's name)." };
        var station = new Option<string?>("--station") { Description = "Scanner station (default: batch.json's, else station-1)." };
        var operatorName = new Option<string?>("--operator") { Description = "Operator's name or id." };
        var expected = new Option<int?>("--expected") { Description = "Sheets the batch should hold, for reconciliation." };
        var rescan = new Option<bool>("--rescan") { Description = "Replace what the store holds for this batch (logged in the audit log)." };
        var watch = new Option<bool>("--watch") { Description = "Keep watching the folder for new files until Ctrl-C." };
        var workers = new Option<int>("--workers") { Description = "Parallel readers (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var test = new Option<bool>("--test") { Description = "A test count: test ballots accepted, live ballots refused." };
        var copyImages = new Option<bool>("--copy-images")
        {
            Description = "Keep a copy of every image in the store's images folder, even where the scanned file could be kept as itself (docs/operations.md).",
        };
        var command = new Command("scan", "Read every sheet of a batch folder into the count store: decode, register, interpret, record.")
        {
            folder, store, batch, station, operatorName, expected, rescan, watch, workers, test, copyImages,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(folder)!, parse.GetValue(store)!, parse.GetValue(batch), parse.GetValue(station),
            parse.GetValue(operatorName), parse.GetValue(expected), parse.GetValue(rescan), parse.GetValue(watch), parse.GetValue(workers), parse.GetValue(test), parse.GetValue(copyImages), cancellation));
        return command;
    }

    /// <summary>Loads the election into a new store and scans one folder into it as one batch, on every core: how corpora and test decks are checked.</summary>
    public static async Task<int> IntoNewStoreAsync(FileInfo election, DirectoryInfo folder, FileInfo storeFile, string batchId, int expected, bool test, CancellationToken cancellation)
    {
        if (ElectionCommand.Load(election, storeFile) != ExitCodes.Success)
        {
            return ExitCodes.BadInput;
        }

        return await RunAsync(folder, storeFile, batchId, "station-1", null, expected, rescan: false, watch: false, Environment.ProcessorCount, test, copyImages: false, cancellation).ConfigureAwait(false);
    }

    public static async Task<int> RunAsync(DirectoryInfo folder, FileInfo storeFile, string? batchId, string? station, string? operatorName, int? expected,
        bool rescan, bool watch, int workers, bool test, bool copyImages, CancellationToken cancellation)
    {
        if (!folder.Exists)
        {
            Console.Error.WriteLine($"{folder.FullName}: no such folder");
            return ExitCodes.BadInput;
        }

        BatchManifest? manifest;
        try
        {
            manifest = BatchManifest.Read(folder.FullName);
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }

        // A folder with no images is a wrong path, not an empty batch: nothing goes into the store for it.
        if (!watch && !Directory.EnumerateFiles(folder.FullName).Any(PairSheetFiles.IsImage))
        {
            Console.Error.WriteLine($"{folder.FullName}: no ballot images here (.jpg, .jpeg, .png, .tif, .tiff); nothing was recorded");
            return ExitCodes.BadInput;
        }

        using var store = StoreOption.TryOpen(storeFile);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        var election = store.Election!;
        var batch = new BatchInfo(batchId ?? manifest?.BatchId ?? folder.Name, station ?? manifest?.Station ?? "station-1",
            operatorName ?? manifest?.Operator, expected ?? manifest?.ExpectedSheets, folder.FullName);
        if (rescan)
        {
            var removed = store.ReplaceBatch(batch.Id, "operator asked to rescan");
            Console.WriteLine(removed > 0
                ? $"batch {batch.Id}: {removed} recorded sheets removed; scanning again"
                : $"batch {batch.Id}: nothing recorded for it yet, so --rescan removes nothing; scanning it");
        }

        using var pool = new PixelMemoryPool();
        var references = RenderedBlankPages.References(election);
        var registrar = new PageRegistrar(election, RegistrationSettings.Default with { TestCount = test });
        var scan = new ScanBatch(store, () => new ReadSheet(election, registrar, new InterpretSheet(references), pool), Math.Max(1, workers))
        {
            // In a hot folder the scanner may still be writing: wait until a file has been left alone for two seconds.
            SettleTime = watch ? TimeSpan.FromSeconds(2) : null,
            Images = new KeptImages(store.ImagesFolder) { LinkScannedFiles = !copyImages },
        };
        var interactive = !Console.IsOutputRedirected;
        var last = DateTime.UtcNow;
        var progress = new SynchronousProgress(p =>
        {
            if (DateTime.UtcNow - last < TimeSpan.FromSeconds(1) && p.Recorded < p.Total)
            {
                return;
            }

            last = DateTime.UtcNow;
            var line = $"  {p.Recorded}/{p.Total} sheets, {p.SheetsPerSecond:F1} sheets/s; counted {p.Counted}, rejected {p.Rejected}, duplicates {p.Duplicates}, board items {p.BoardItems}";
            if (interactive)
            {
                Console.Write("\r" + line.PadRight(110));
            }
            else
            {
                Console.WriteLine(line);
            }
        });

        Console.WriteLine($"scanning {folder.FullName} as batch {batch.Id} (station {batch.Station}) into {store.Path}");
        try
        {
            ScanProgress result;
            do
            {
                result = await scan.RunAsync(folder.FullName, batch, progress, cancellation).ConfigureAwait(false);
                if (result.StationFault is { } fault)
                {
                    if (interactive)
                    {
                        Console.WriteLine();
                    }

                    Console.Error.WriteLine($"SCAN HALTED: {fault}.");
                    Console.Error.WriteLine("Every sheet recorded so far is kept, the unreadable ones as rejected. Once the cause is found and the scanner tested, " +
                        "scan the rejected sheets again, or the whole batch with --rescan; or go on at another station. The halt is in the audit log.");
                    return ExitCodes.StationHalted;
                }

                if (watch)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellation).ConfigureAwait(false);
                }
            }
            while (watch && !cancellation.IsCancellationRequested);

            if (interactive)
            {
                Console.WriteLine();
            }

            Console.WriteLine($"batch {batch.Id}: {result.Counted} counted, {result.Rejected} rejected, {result.Duplicates} duplicates, {result.BoardItems} contests for the board (this run)");
            if (!watch && result.Total > 0 && result.Counted + result.Rejected + result.Duplicates == 0)
            {
                Console.WriteLine($"every sheet in this folder ({result.Total}) was already recorded in batch {batch.Id}: nothing new was read. " +
                    "If the batch was run through the scanner again, replace it with --rescan.");
            }

            Console.WriteLine($"see: centralcount reconcile --store {storeFile}   and   centralcount tally --store {storeFile}");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine();
            Console.WriteLine($"stopped; every sheet recorded so far is kept. Run the same command again to continue batch {batch.Id}.");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or CountStoreException)
        {
            Console.WriteLine();
            Console.Error.WriteLine($"scan stopped: {e.Message}. Every sheet recorded so far is kept; fix the cause and run the same command again to continue.");
            return ExitCodes.BadInput;
        }
    }

    // Reports on the calling thread: the recorder is one thread, so no locking is needed.
    private sealed class SynchronousProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
