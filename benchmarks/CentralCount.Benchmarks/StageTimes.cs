using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using CentralCount.Election;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.ScanPipeline.Ingest;
using CentralCount.TestDeck.Rendering;

namespace CentralCount.Benchmarks;

/// <summary>
/// Where a page's time goes on one thread, stage by stage, in the order the pipeline works
/// (each page read, hashed, decoded, registered and interpreted before the next), so every
/// stage meets the page in the cache state it meets in a count. Run it pinned to one core.
/// </summary>
internal static class StageTimes
{
    public static void Run(string electionFile, string folder, int pages)
    {
        var election = ElectionFiles.Open(electionFile);
        var files = PairSheetFiles.InFolder(folder).Where(s => s.Back is not null).SelectMany(s => new[] { s.Front, s.Back! }).ToList();
        var references = RenderedBlankPages.References(election);
        var registrar = new PageRegistrar(election);
        var interpreter = new InterpretSheet(references);
        using var pool = new PixelMemoryPool();
        var decoder = new ImageDecoder(pool);
        var totals = new double[5];
        var names = new[] { "read", "hash", "decode", "register", "interpret" };
        const int WarmUp = 300;
        for (var i = 0; i < WarmUp + pages; i++)
        {
            var file = files[i % files.Count];
            var t0 = Stopwatch.GetTimestamp();
            using var bytes = FileBytes.Read(file, ArrayPool<byte>.Shared);
            var t1 = Stopwatch.GetTimestamp();
            _ = SHA256.HashData(bytes.Span);
            var t2 = Stopwatch.GetTimestamp();
            using var image = decoder.DecodeGray(bytes.Span, file);
            var t3 = Stopwatch.GetTimestamp();
            var registration = registrar.Register(image);
            var t4 = Stopwatch.GetTimestamp();
            if (registration.IsRead)
            {
                _ = interpreter.Page(image, registration);
            }

            var t5 = Stopwatch.GetTimestamp();
            if (i >= WarmUp)
            {
                long[] marks = [t0, t1, t2, t3, t4, t5];
                for (var s = 0; s < 5; s++)
                {
                    totals[s] += Stopwatch.GetElapsedTime(marks[s], marks[s + 1]).TotalMilliseconds;
                }
            }
        }

        Console.WriteLine($"{pages} pages from {folder}, one thread");
        for (var s = 0; s < 5; s++)
        {
            Console.WriteLine($"{names[s],-10} {totals[s] / pages:F3} ms a page");
        }

        Console.WriteLine($"after decode {(totals[3] + totals[4]) / pages:F3} ms; all but decode {(totals.Sum() - totals[2]) / pages:F3} ms; decode {totals[2] / pages:F3} ms");
    }
}
