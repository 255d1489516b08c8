namespace CentralCount.Adjudication.Decisions;

/// <summary>What a member says of a contest: the voter's intent is votes for these positions, an overvote, or not clear.</summary>
public enum ChoiceKind
{
    Votes,
    Overvote,
    NotClear,
}

/// <summary>What a member read in a write-in area they judge voted: the words, and whether they are a comment rather than a name.</summary>
public sealed record WriteInRead(int Slot, string Text, bool IsComment);

/// <summary>
/// One member's decision on one contest, made on their own: the printed options they judge voted
/// (none means no vote), the write-in areas they judge voted with the words they read, or an
/// overvote, or "intent not clear".
/// </summary>
public sealed record MemberChoice(ChoiceKind Kind, IReadOnlyList<string> Options, IReadOnlyList<WriteInRead> WriteIns)
{
    public static MemberChoice NotClear { get; } = new(ChoiceKind.NotClear, [], []);

    public static MemberChoice Overvoted { get; } = new(ChoiceKind.Overvote, [], []);

    public static MemberChoice For(params string[] options) => new(ChoiceKind.Votes, options, []);
}
