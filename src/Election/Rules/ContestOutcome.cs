namespace CentralCount.Election.Rules;

/// <summary>How a contest on a sheet ends.</summary>
public enum OutcomeKind
{
    /// <summary>Votes counted (possibly fewer than allowed).</summary>
    Counted,

    /// <summary>No vote in the contest.</summary>
    Undervote,

    /// <summary>More votes than allowed: none counts.</summary>
    Overvote,

    /// <summary>A questionable vote: the board decides (ARM 44.3.2402(1)).</summary>
    Board,
}

/// <summary>How an outcome's kind is spelled wherever it is written down: the store, the corpus truth, the JSON, the recount.</summary>
public static class OutcomeKindNames
{
    public static string Name(this OutcomeKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>
/// The outcome of one contest on one sheet. Votes name option ids, or <c>write-in:N</c> for an
/// unresolved write-in slot, or a declared write-in candidate's id. A board outcome carries the
/// clause that governs it and the outcome that clause suggests.
/// </summary>
public sealed record ContestOutcome
{
    private ContestOutcome(OutcomeKind kind, IReadOnlyList<string> votes, RuleClause? clause, ContestOutcome? suggestion)
    {
        Kind = kind;
        Votes = votes;
        Clause = clause;
        Suggestion = suggestion;
    }

    public OutcomeKind Kind { get; }

    public IReadOnlyList<string> Votes { get; }

    public RuleClause? Clause { get; }

    public ContestOutcome? Suggestion { get; }

    public static ContestOutcome Undervote { get; } = new(OutcomeKind.Undervote, [], null, null);

    public static ContestOutcome Overvote { get; } = new(OutcomeKind.Overvote, [], null, null);

    public static ContestOutcome Counted(IEnumerable<string> votes)
    {
        var list = votes.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? Undervote : new(OutcomeKind.Counted, list, null, null);
    }

    /// <summary>A machine outcome that a clause also describes, e.g. mixed inks under 2402(2)(l).</summary>
    public ContestOutcome Citing(RuleClause clause) => new(Kind, Votes, clause, Suggestion);

    public static ContestOutcome ToBoard(RuleClause clause, ContestOutcome suggestion)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(suggestion);
        if (suggestion.Kind == OutcomeKind.Board)
        {
            throw new ArgumentException("a suggestion is a final outcome, not another board item", nameof(suggestion));
        }

        return new(OutcomeKind.Board, [], clause, suggestion);
    }

    public static string WriteInVote(int slot) => $"write-in:{slot}";

    public bool Equals(ContestOutcome? other) =>
        other is not null && Kind == other.Kind && Votes.SequenceEqual(other.Votes) && Clause == other.Clause && Equals(Suggestion, other.Suggestion);

    public override int GetHashCode() => HashCode.Combine(Kind, Votes.Count, Clause);

    public override string ToString() => Kind switch
    {
        OutcomeKind.Counted => $"counted [{string.Join(", ", Votes)}]{(Clause is null ? string.Empty : $" ({Clause.Id})")}",
        OutcomeKind.Board => $"board {Clause!.Id}, suggest {Suggestion}",
        _ => Kind.Name(),
    };
}
