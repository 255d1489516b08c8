using System.CommandLine;
using CentralCount.ScanPipeline.Reconciliation;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount reconcile</c> (alias <c>batches</c>): per batch, expected against scanned, counted, rejected by reason, duplicates and board items (ARM 44.3.2904(3)).</summary>
internal static class ReconcileCommand
{
    public static Command Create(string name)
    {
        var store = StoreOption.Create();
        var command = new Command(name, "Per batch: sheets expected, scanned, counted, rejected (with reasons), duplicates, and contests on the board.") { store };
        command.SetAction(parse => Run(parse.GetValue(store)!));
        return command;
    }

    public static int Run(FileInfo storeFile)
    {
        using var store = StoreOption.TryOpen(storeFile);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        var batches = store.Batches();
        if (batches.Count == 0)
        {
            Console.WriteLine("no batches scanned yet");
            return ExitCodes.Success;
        }

        var off = 0;
        Console.WriteLine($"{"batch",-24} {"station",-12} {"expected",8} {"scanned",8} {"counted",8} {"rejected",8} {"dupl.",6} {"board",6}");
        foreach (var b in batches)
        {
            var mismatch = b.Batch.ExpectedSheets is { } e && e != b.Scanned - b.Duplicates;
            off += mismatch ? 1 : 0;
            Console.WriteLine($"{b.Batch.Id,-24} {b.Batch.Station,-12} {b.Batch.ExpectedSheets?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",8} {b.Scanned,8} {b.Counted,8} {b.Rejected,8} {b.Duplicates,6} {b.BoardItems,6}{(mismatch ? "  DOES NOT RECONCILE" : string.Empty)}");
            foreach (var (reason, n) in b.RejectReasons.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"    rejected {n} as {reason}");
            }
        }

        // A sheet fed twice has new files, so its hash does not give it away; its marks do.
        var alike = FindAlikeSheets.In(store.CountedReadings());
        if (alike.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"Warning: {alike.Count} pair(s) of counted sheets read alike mark for mark, as one sheet fed through the scanner twice would:");
            foreach (var pair in alike)
            {
                Console.WriteLine($"  {pair.First} and {pair.Second}: {pair.Marks} marks ({pair.PartialMarks} not solid fills), every fill within {pair.LargestFillDifference:0.000}");
            }

            Console.WriteLine("Compare the two images of each pair. If they are one sheet, take the extra copy's files out of its batch folder and rescan that batch (scan FOLDER --rescan); two voters' hand marks are almost never this alike.");
        }

        if (off > 0)
        {
            Console.WriteLine($"{off} batch(es) do not reconcile: find the missing or extra sheets, or rescan the batch (scan FOLDER --rescan).");
            return ExitCodes.CheckFailed;
        }

        return ExitCodes.Success;
    }
}
