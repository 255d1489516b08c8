using CentralCount.Election.Layout;
using CentralCount.TestDeck.Marks;

namespace CentralCount.TestDeck.Corpus;

/// <summary>One mark drawn at a position, with the instrument and how hard it was pressed (1 = full strength).</summary>
public sealed record DrawnMark(MarkKind Kind, string Ink, string? Text = null, double Pressure = 1.0);

/// <summary>Everything drawn at one voting position, and (for write-ins) what was written and what it names.</summary>
public sealed record DrawnPosition(VotingPosition Position, IReadOnlyList<DrawnMark> Marks, WrittenKind Written = WrittenKind.None, string? WrittenText = null, string? WrittenFor = null)
{
    public bool Has(MarkKind kind) => Marks.Any(m => m.Kind == kind);

    public bool IsFilled => Has(MarkKind.FullFill) || Has(MarkKind.PencilFill);
}
