using CentralCount.Election.Rules;

namespace CentralCount.ScanPipeline.Store;

/// <summary>What happened to a sheet: counted (its contests recorded), rejected with a reason, or a duplicate of one already recorded.</summary>
public enum SheetStatus
{
    Counted,
    Rejected,
    Duplicate,
}

/// <summary>A batch of sheets scanned together at one station.</summary>
public sealed record BatchInfo(string Id, string Station, string? Operator, int? ExpectedSheets, string Folder);

/// <summary>One contest of a counted sheet as recorded.</summary>
public sealed record ContestRecord(string ContestId, ContestOutcome Outcome);

/// <summary>One sheet as the recorder writes it, in a single transaction with its contests and its audit entry.</summary>
public sealed record SheetRecord(
    string BatchId,
    int Seq,
    string FrontFile,
    string? BackFile,
    string ContentHash,
    SheetStatus Status,
    string? RejectReason,
    string? RejectDetail,
    string? StyleId,
    string? PrecinctId,
    string? Reading,
    IReadOnlyList<ContestRecord> Contests)
{
    /// <summary>The kept image of the front file (its SHA-256 and extension, in the store's images folder).</summary>
    public string? FrontImage { get; init; }

    /// <summary>The kept image of the back file, when there is one.</summary>
    public string? BackImage { get; init; }
}

/// <summary>A batch's reconciliation: what was expected, scanned, counted, rejected (by reason), duplicated, and waiting on the board.</summary>
public sealed record BatchSummary(
    BatchInfo Batch,
    int Scanned,
    int Counted,
    int Rejected,
    int Duplicates,
    int BoardItems,
    IReadOnlyDictionary<string, int> RejectReasons);

/// <summary>A contest waiting on the board: the sheet (id, batch, place, file), the contest, the clause and the outcome it suggests.</summary>
public sealed record BoardItem(long SheetId, string BatchId, int Seq, string FrontFile, string ContestId, string? Clause, string? SuggestedOutcome, IReadOnlyList<string> SuggestedVotes);
