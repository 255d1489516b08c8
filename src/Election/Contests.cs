namespace CentralCount.Election;

/// <summary>A contest on the ballot: a race among candidates, or a yes/no question.</summary>
public abstract record Contest(string Id, string Title, string DistrictId, string? PartyId)
{
    /// <summary>The most options a voter may choose.</summary>
    public abstract int VoteFor { get; }

    /// <summary>Ids of the printed options, in definition order.</summary>
    public abstract IReadOnlyList<string> OptionIds { get; }
}

/// <summary>A race among candidates, with write-in slots and the write-in candidates who filed declarations.</summary>
public sealed record CandidateContest(
    string Id,
    string Title,
    string DistrictId,
    string? PartyId,
    int Seats,
    IReadOnlyList<Candidate> Candidates,
    int WriteInSlots,
    IReadOnlyList<DeclaredWriteIn> DeclaredWriteIns)
    : Contest(Id, Title, DistrictId, PartyId)
{
    public override int VoteFor => Seats;

    public override IReadOnlyList<string> OptionIds => [.. Candidates.Select(c => c.Id)];
}

/// <summary>A candidate printed on the ballot.</summary>
public sealed record Candidate(string Id, string Name, IReadOnlyList<string> PartyIds);

/// <summary>
/// A write-in candidate who filed a declaration of intent (MCA 13-10-211); votes for them count
/// when the written name matches their name or one of the designations they filed.
/// </summary>
public sealed record DeclaredWriteIn(string Id, string Name, IReadOnlyList<string> Designations);

/// <summary>What kind of yes/no question a measure contest asks.</summary>
public enum MeasureKind
{
    /// <summary>A ballot issue: initiative, referendum, bond or levy.</summary>
    BallotIssue,

    /// <summary>Judicial retention (ARM 44.3.2401(5)): shall the judge be retained.</summary>
    Retention,
}

/// <summary>A yes/no question: a ballot issue or a judicial retention.</summary>
public sealed record MeasureContest(
    string Id,
    string Title,
    string DistrictId,
    MeasureKind Kind,
    string Text,
    MeasureOption Yes,
    MeasureOption No)
    : Contest(Id, Title, DistrictId, PartyId: null)
{
    public override int VoteFor => 1;

    public override IReadOnlyList<string> OptionIds => [Yes.Id, No.Id];
}

/// <summary>One side of a yes/no question, with the words printed beside its oval.</summary>
public sealed record MeasureOption(string Id, string Label);
