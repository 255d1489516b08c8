using CentralCount.Adjudication.Decisions;
using CentralCount.ScanPipeline.Pipeline;

namespace CentralCount.Adjudication.Queue;

/// <summary>One questionable contest on one sheet: the board's unit of work.</summary>
public readonly record struct ItemKey(long SheetId, string ContestId)
{
    public override string ToString() => $"{SheetId}/{ContestId}";
}

/// <summary>
/// Everything a board member needs to judge one contest: where the sheet is, the clause and its
/// suggestion, the machine's reading of each position, and the images it was read from.
/// </summary>
public sealed record QueueItem(
    ItemKey Key,
    string BatchId,
    int Seq,
    string FrontFile,
    string? BackFile,
    string? StyleId,
    string? Clause,
    string? SuggestedOutcome,
    IReadOnlyList<string> SuggestedVotes,
    IReadOnlyList<ReadPosition> Positions,
    IReadOnlyList<string?> Images,
    string? ClaimedBy,
    int Decisions,
    BoardOutcome? Adjudicated);

/// <summary>How far the boards have got: per board, decided and waiting; overall, what is left.</summary>
public sealed record QueueProgress(int Total, int Decided, int Unclaimed, IReadOnlyList<BoardProgress> Boards);

/// <summary>One board's work: its members, items settled, items it has taken that still wait, and per member how many wait on them.</summary>
public sealed record BoardProgress(string BoardId, int Size, IReadOnlyList<string> Members, int Decided, int InProgress, IReadOnlyDictionary<string, int> WaitingOnMember);
