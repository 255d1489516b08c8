using System.Diagnostics;
using System.Threading.Channels;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.ScanPipeline.Ingest;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>Where a scan stands: sheets read, how they ended, and the pace.</summary>
public sealed record ScanProgress(int Total, int Recorded, int Counted, int Rejected, int Duplicates, int BoardItems, double SheetsPerSecond)
{
    /// <summary>Set when the scan halted itself because the station's scanner is at fault (ARM 44.3.1714): why, and what to do.</summary>
    public string? StationFault { get; init; }
}

/// <summary>
/// One batch through the pipeline of the design brief: files are read and hashed, then decoded,
/// registered and interpreted by parallel workers, then recorded in batch order by a single
/// writer. Channels between the stages are bounded, so the slowest stage sets the pace and
/// memory stays flat. Sheets already recorded for this batch are skipped, so a scan stopped at
/// any moment (even killed) resumes where the store left off.
/// </summary>
public sealed class ScanBatch(CountStore store, Func<ReadSheet> readers, int workers)
{
    private const int RecordGroup = 32;

    /// <summary>When set, files are taken only once nothing has written to them for this long (a watched hot folder).</summary>
    public TimeSpan? SettleTime { get; init; }

    private readonly Dictionary<string, StationWatches> _watches = new(StringComparer.Ordinal);

    /// <summary>How many sheets in a row with a streak through the voting positions halt the scan as a station fault.</summary>
    public int StreakSheetsInARow { get; init; } = 3;

    /// <summary>How many sheets in a row rejected for any reason halt the scan as a reject spike.</summary>
    public int RejectsInARow { get; init; } = 10;

    /// <summary>Where the sheets' images are kept; the store's images folder unless told otherwise.</summary>
    public KeptImages Images { get; init; } = new(store.ImagesFolder);

    public Task<ScanProgress> RunAsync(string folder, BatchInfo batch, IProgress<ScanProgress>? progress, CancellationToken cancellation) =>
        RunAsync(PairSheetFiles.InFolder(folder, SettleTime), batch, progress, cancellation);

    /// <summary>Scans the given sheets (in their order) as one batch.</summary>
    public async Task<ScanProgress> RunAsync(IReadOnlyList<SheetFiles> sheets, BatchInfo batch, IProgress<ScanProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(batch);
        store.StartBatch(batch);
        Directory.CreateDirectory(Images.Folder);
        var done = store.RecordedSeqs(batch.Id);
        var files = sheets.Where(f => !done.Contains(f.Seq)).ToList();
        var raw = Channel.CreateBounded<RawSheet>(new BoundedChannelOptions(2 * workers) { SingleWriter = true });
        var read = Channel.CreateBounded<(int Index, SheetRecord Record, bool Wrote)>(new BoundedChannelOptions(4 * workers) { SingleReader = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var token = linked.Token;

        var ingest = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < files.Count; i++)
                {
                    var sheet = RawSheet.Read(i, files[i], token);
                    try
                    {
                        await raw.Writer.WriteAsync(sheet, token).ConfigureAwait(false);
                    }
                    catch
                    {
                        sheet.Dispose();
                        throw;
                    }
                }
            }
            finally
            {
                raw.Writer.TryComplete();
            }
        }, token);

        var readersDone = Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Task.Run(async () =>
        {
            var reader = readers();
            try
            {
                await foreach (var sheet in raw.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    SheetRecord record;
                    bool wrote;
                    using (sheet)
                    {
                        record = reader.Read(sheet, batch.Id);
                        wrote = Images.Keep(sheet);
                    }

                    await read.Writer.WriteAsync((sheet.Index, record, wrote), token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failure here (a full disk, say) stops the whole run at once: nothing after it is recorded.
                read.Writer.TryComplete(e);
                await linked.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }, token)).ToArray();
        var closeRead = Task.WhenAll(readersDone).ContinueWith(t => read.Writer.TryComplete(t.Exception), TaskScheduler.Default);

        var state = new ScanProgress(files.Count + done.Count, done.Count, 0, 0, 0, 0, 0);
        var clock = Stopwatch.StartNew();
        var pending = new SortedDictionary<int, (SheetRecord Record, bool Wrote)>();
        var next = 0;
        // Fed in batch order by this single writer, and kept across the looks a watched hot
        // folder takes (each may bring only a sheet or two); a new process starts a new run.
        var watches = Watches(batch.Station);
        try
        {
            await foreach (var (index, record, wrote) in read.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                pending[index] = (record, wrote);
                // Whatever else is ready goes in the same transaction and the same flush of the
                // images: the slower the disk, the larger the groups, never a flush per sheet.
                while (read.Reader.TryRead(out var more))
                {
                    pending[more.Index] = (more.Record, more.Wrote);
                }

                var group = new List<SheetRecord>();
                var flush = false;
                while (pending.Remove(next, out var ready))
                {
                    group.Add(ready.Record);
                    flush |= ready.Wrote;
                    next++;
                    if (group.Count == RecordGroup)
                    {
                        state = Write(group, flush, state, clock, progress, watches);
                        group.Clear();
                        flush = false;
                    }
                }

                if (group.Count > 0)
                {
                    state = Write(group, flush, state, clock, progress, watches);
                }

                if (state.StationFault is not null)
                {
                    _watches.Remove(batch.Station);
                    // Halt (ARM 44.3.1714): what is recorded stays; sheets read but not recorded are read again next time.
                    await linked.CancelAsync().ConfigureAwait(false);
                    await Task.WhenAll(readersDone.Append(ingest).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
                    while (raw.Reader.TryRead(out var unread))
                    {
                        unread.Dispose();
                    }

                    return state;
                }
            }

            await Task.WhenAll([ingest, closeRead]).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // Cancelled from inside: a stage failed; its error is the one to report.
            await Task.WhenAll(readersDone.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            throw readersDone.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException()).FirstOrDefault() ?? new OperationCanceledException();
        }
        catch
        {
            await linked.CancelAsync().ConfigureAwait(false);
            throw;
        }

        return state;
    }

    private ScanProgress Write(List<SheetRecord> group, bool flush, ScanProgress state, Stopwatch clock, IProgress<ScanProgress>? progress, StationWatches watches)
    {
        if (flush)
        {
            Images.Flush();
        }

        var statuses = store.Record(group);
        for (var i = 0; i < group.Count; i++)
        {
            state = statuses[i] switch
            {
                SheetStatus.Counted => state with { Counted = state.Counted + 1, BoardItems = state.BoardItems + group[i].Contests.Count(c => c.Outcome.Kind == Election.Rules.OutcomeKind.Board) },
                SheetStatus.Rejected => state with { Rejected = state.Rejected + 1 },
                _ => state with { Duplicates = state.Duplicates + 1 },
            };
            var rejected = statuses[i] == SheetStatus.Rejected;
            var streaked = rejected && group[i].RejectReason == RejectReason.StreakThroughPositions.Name();
            // Both watches see every sheet, so each keeps its own run whichever fires first.
            var streakFault = watches.Streaks.Record(streaked);
            var spikeFault = watches.Rejects.Record(rejected);
            if ((streakFault ?? spikeFault) is { } fault && state.StationFault is null)
            {
                store.Log("station-fault", $"batch {group[i].BatchId} sheet {group[i].Seq}: {fault}");
                state = state with { StationFault = fault };
            }
        }

        state = state with { Recorded = state.Recorded + group.Count, SheetsPerSecond = Math.Round((state.Counted + state.Rejected) / Math.Max(0.001, clock.Elapsed.TotalSeconds), 1) };
        progress?.Report(state);
        return state;
    }

    private StationWatches Watches(string station)
    {
        if (!_watches.TryGetValue(station, out var watches))
        {
            watches = new StationWatches(new StreakWatch(station, StreakSheetsInARow), new RejectRunWatch(station, RejectsInARow));
            _watches[station] = watches;
        }

        return watches;
    }

    /// <summary>The anomalies of one station that halt its scan.</summary>
    private sealed record StationWatches(StreakWatch Streaks, RejectRunWatch Rejects);
}
