namespace CentralCount.Election.Rules;

/// <summary>
/// The thresholds that turn measured ink into mark classes (VVSG 2.0 1.1.6-G): set per
/// jurisdiction in the election file, reported with every reading that depends on them.
/// Darkness is in grey levels below the paper's own level; coverages are fractions of the area
/// inside the printed oval.
/// </summary>
/// <param name="InkDarkness">Grey levels below paper that count as ink.</param>
/// <param name="ResidueDarkness">Grey levels below paper that count as residue (an erased mark's smudge) when lighter than ink.</param>
/// <param name="FilledCoverage">Coverage at or above which an oval is filled: every half of it (left, right, top, bottom) must be that covered by ink or pencil grain, and at least half of it by ink.</param>
/// <param name="PartialCoverage">Ink coverage at or above which an oval that is not filled carries a partial mark.</param>
/// <param name="MarkCoverage">Ink coverage below which an oval carries no mark of its own.</param>
/// <param name="ResidueCoverage">Residue coverage at or above which an oval shows an erasure.</param>
/// <param name="MinimumInkInches">Smallest ink mark, in square inches, that counts near a position (smaller specks are paper dirt).</param>
public sealed record MarkThresholds(
    int InkDarkness,
    int ResidueDarkness,
    double FilledCoverage,
    double PartialCoverage,
    double MarkCoverage,
    double ResidueCoverage,
    double MinimumInkInches)
{
    public static MarkThresholds Default { get; } = new(100, 30, 0.75, 0.2, 0.02, 0.35, 0.0006);

    /// <summary>Every threshold with its name, for reports.</summary>
    public IReadOnlyList<(string Name, double Value)> Describe() =>
    [
        ("inkDarkness", InkDarkness), ("residueDarkness", ResidueDarkness), ("filledCoverage", FilledCoverage), ("partialCoverage", PartialCoverage),
        ("markCoverage", MarkCoverage), ("residueCoverage", ResidueCoverage), ("minimumInkInches", MinimumInkInches),
    ];
}
