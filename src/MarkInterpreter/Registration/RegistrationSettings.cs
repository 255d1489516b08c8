namespace CentralCount.MarkInterpreter.Registration;

/// <summary>Tolerances for registration; the defaults suit 200-300 DPI grey or 1-bit scans.</summary>
/// <param name="DarkThreshold">Grey level below which a pixel counts as printed or marked.</param>
/// <param name="MaxMissingRun">Most consecutive timing marks that may be missing along an edge.</param>
/// <param name="MaxMissingPerEdge">Most timing marks that may be missing along one edge in all.</param>
/// <param name="MaxShapeError">How far the border's height may differ from the template's, as a fraction.</param>
/// <param name="TestCount">True when counting test ballots (a test deck); live ballots are then refused.</param>
public sealed record RegistrationSettings(
    byte DarkThreshold = 140,
    int MaxMissingRun = 3,
    int MaxMissingPerEdge = 6,
    double MaxShapeError = 0.04,
    bool TestCount = false)
{
    public static RegistrationSettings Default { get; } = new();
}
