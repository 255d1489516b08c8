namespace CentralCount.ScanPipeline.Store;

/// <summary>How the board settled a contest: outcome, votes, which board and members, and when.</summary>
public sealed record StoredAdjudication(string Outcome, IReadOnlyList<string> Votes, string BoardId, IReadOnlyList<string> Members, string DecidedAt);

/// <summary>One contest of a counted sheet as recorded by the machine, with the board's settlement when there is one.</summary>
public sealed record StoredContest(string ContestId, string Outcome, IReadOnlyList<string> Votes, string? Clause, string? SuggestedOutcome, IReadOnlyList<string> SuggestedVotes, StoredAdjudication? Adjudication)
{
    /// <summary>The outcome that counts now: the board's where it has decided, else the machine's.</summary>
    public string CurrentOutcome => Adjudication?.Outcome ?? Outcome;

    public IReadOnlyList<string> CurrentVotes => Adjudication?.Votes ?? Votes;
}

/// <summary>A counted sheet as the store holds it: where it came from, its images, the machine's reading and every contest.</summary>
public sealed record StoredSheet(
    long Id,
    string BatchId,
    int Seq,
    string Station,
    string FrontFile,
    string? BackFile,
    string ContentHash,
    string? FrontImage,
    string? BackImage,
    string? StyleId,
    string? PrecinctId,
    string? Reading,
    IReadOnlyList<StoredContest> Contests);
