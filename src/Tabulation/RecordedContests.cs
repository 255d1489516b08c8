using CentralCount.ScanPipeline.Store;

namespace CentralCount.Tabulation;

/// <summary>The store's contests (as the board decided them where it has) as tallies take them.</summary>
public static class RecordedContests
{
    public static IEnumerable<RecordedContest> In(CountStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ContestResults().Select(r => new RecordedContest(r.BatchId, r.StyleId, r.PrecinctId, r.ContestId, r.Outcome, r.Votes));
    }
}
