namespace CentralCount.Adjudication.Decisions;

/// <summary>How a questionable contest ends once judged: votes counted, no vote, an overvote, or not valid because the intent is not clear (ARM 44.3.2402(1)(b)).</summary>
public enum BoardOutcomeKind
{
    Counted,
    Undervote,
    Overvote,
    NotValid,
}

/// <summary>
/// One judgement of a contest, by a member or by the board: the kind and, when counted, the
/// votes (option ids or declared write-in ids, sorted). Two members agree exactly when their
/// outcomes are equal.
/// </summary>
public sealed record BoardOutcome
{
    private BoardOutcome(BoardOutcomeKind kind, IReadOnlyList<string> votes)
    {
        Kind = kind;
        Votes = votes;
    }

    public BoardOutcomeKind Kind { get; }

    public IReadOnlyList<string> Votes { get; }

    public static BoardOutcome Undervote { get; } = new(BoardOutcomeKind.Undervote, []);

    public static BoardOutcome Overvote { get; } = new(BoardOutcomeKind.Overvote, []);

    public static BoardOutcome NotValid { get; } = new(BoardOutcomeKind.NotValid, []);

    public static BoardOutcome Counted(IEnumerable<string> votes)
    {
        var list = votes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? Undervote : new(BoardOutcomeKind.Counted, list);
    }

    /// <summary>The store's name of the kind, as in the contest results (counted, undervote, overvote, not-valid).</summary>
    public string KindName => Kind switch
    {
        BoardOutcomeKind.Counted => "counted",
        BoardOutcomeKind.Undervote => "undervote",
        BoardOutcomeKind.Overvote => "overvote",
        _ => "not-valid",
    };

    public static BoardOutcome Parse(string kind, IReadOnlyList<string> votes) => kind switch
    {
        "counted" => Counted(votes),
        "undervote" => Undervote,
        "overvote" => Overvote,
        "not-valid" => NotValid,
        _ => throw new FormatException($"'{kind}' is not a board outcome"),
    };

    public bool Equals(BoardOutcome? other) => other is not null && Kind == other.Kind && Votes.SequenceEqual(other.Votes, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, string.Join('\n', Votes));
}
