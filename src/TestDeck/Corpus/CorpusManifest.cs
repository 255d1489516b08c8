using System.Text.Json.Serialization;

namespace CentralCount.TestDeck.Corpus;

/// <summary>The manifest of a generated corpus: per sheet, per page, per position, what was drawn and what must come of it.</summary>
public sealed record CorpusManifest(
    string Format,
    string ElectionId,
    string ElectionHash,
    int Seed,
    int Dpi,
    IReadOnlyList<SheetTruth> Sheets)
{
    public const string FileName = "manifest.json";

    /// <summary>Reads the manifest of the corpus in <paramref name="directory"/>.</summary>
    public static CorpusManifest Read(string directory) =>
        System.Text.Json.JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(directory, FileName)), CorpusJsonContext.Default.CorpusManifest)
        ?? throw new InvalidDataException($"{Path.Combine(directory, FileName)} is empty");
}

/// <summary>One physical sheet: its files, how it was scanned, and the truth about it.</summary>
/// <param name="PrecinctId">The precinct it was printed for, when its style serves several (absent otherwise).</param>
/// <param name="RefeedOf">Set on a second feed of the same paper: the sheet first fed (absent otherwise).</param>
public sealed record SheetTruth(
    string Id,
    string StyleId,
    int SheetNumber,
    bool TestBallot,
    bool Swapped,
    string ExpectedReject,
    ScanTruth Scan,
    IReadOnlyList<PageTruth> Pages,
    IReadOnlyList<ContestTruth> Contests,
    string? PrecinctId = null,
    string? RefeedOf = null);

/// <summary>The scanner behaviour applied to the sheet.</summary>
public sealed record ScanTruth(
    string Format,
    double SkewDegrees,
    double Scale,
    double ShiftXPx,
    double ShiftYPx,
    double FeedStretch,
    bool UpsideDown,
    double BlurSigma,
    double Noise,
    int JpegQuality,
    IReadOnlyList<double> Folds,
    int BorderPx,
    int Background,
    int MissingMarks,
    IReadOnlyList<int> StreakColumns,
    double KeepHeight);

/// <summary>One page as printed (side) and the file it was written to.</summary>
public sealed record PageTruth(string Side, string File, IReadOnlyList<PositionTruth> Positions, IReadOnlyList<string> Stray);

/// <summary>One voting position: where its oval's centre landed on the scan, and what was drawn there.</summary>
public sealed record PositionTruth(
    string ContestId,
    string? OptionId,
    int? WriteInIndex,
    PointTruth CenterPx,
    IReadOnlyList<MarkTruth> Marks,
    string? Written,
    string? WrittenText,
    string? WrittenFor);

/// <summary>A pixel position.</summary>
public sealed record PointTruth(double X, double Y);

/// <summary>A drawn mark: its kind, the instrument, words written, and pressure (1 = full strength).</summary>
public sealed record MarkTruth(string Kind, string Ink, string? Text, double Pressure);

/// <summary>The expected outcome of a contest under ARM 44.3.2402/2403, per the rule table.</summary>
public sealed record ContestTruth(
    string ContestId,
    string Scenario,
    string Outcome,
    IReadOnlyList<string> Votes,
    string? Clause,
    string? SuggestedOutcome,
    IReadOnlyList<string>? SuggestedVotes);

/// <summary>Source-generated serializer for the manifest.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CorpusManifest))]
[JsonSerializable(typeof(IReadOnlyList<DeclaredContest>))]
public sealed partial class CorpusJsonContext : JsonSerializerContext;
