using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CentralCount.Election;
using CentralCount.Election.Rules;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Benchmarks;

/// <summary>
/// What recording costs a sheet in the count store, by the size of the groups the writer records
/// in one transaction: each sheet with a vote in every contest of its style, a reading the size
/// the pipeline keeps, and its audit entry, into a fresh store.
/// </summary>
internal static class RecordTimes
{
    private const int Sheets = 3000;
    private const int WarmUp = 200;

    public static void Run(string electionFile, IReadOnlyList<int> groups)
    {
        var election = ElectionFiles.Open(electionFile);
        var style = election.BallotStyles[0];
        // About what the pipeline's JSON reading of a two-page sheet of this election weighs.
        var reading = new string('x', 9000);
        var records = Enumerable.Range(1, Sheets + WarmUp).Select(seq => new SheetRecord(
            "bench", seq, $"{seq}-front.jpg", $"{seq}-back.jpg", Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(seq))),
            SheetStatus.Counted, null, null, style.Id, style.PrecinctIds[0], reading,
            [.. style.ContestIds.Select(id => new ContestRecord(id, ContestOutcome.Counted([$"option-{seq % 3}"])))])).ToList();
        Console.WriteLine($"{Sheets} sheets of style {style.Id} ({style.ContestIds.Count} contests) recorded after {WarmUp} to warm up, one thread");
        foreach (var group in groups)
        {
            var dir = Directory.CreateTempSubdirectory("record");
            try
            {
                using var store = CountStore.Open(Path.Combine(dir.FullName, "count.db"));
                store.LoadElection(File.ReadAllBytes(electionFile), electionFile);
                store.StartBatch(new BatchInfo("bench", "bench", null, null, dir.FullName));
                foreach (var chunk in records.Take(WarmUp).Chunk(group))
                {
                    _ = store.Record(chunk);
                }

                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                foreach (var chunk in records.Skip(WarmUp).Chunk(group))
                {
                    _ = store.Record(chunk);
                }

                var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"groups of {group,2}: {clock.Elapsed.TotalMilliseconds / Sheets:F3} ms a sheet, {spent.TotalMilliseconds / Sheets:F3} ms of processor time"));
            }
            finally
            {
                dir.Delete(true);
            }
        }
    }
}
