using System.Text.Json.Serialization;

namespace CentralCount.Election.Loading;

// The on-disk shape of an election definition (docs/election-format.md). Every property is
// nullable so that a missing field is reported with its path instead of failing the parse.
#pragma warning disable CA1812 // instantiated by System.Text.Json

/// <summary>Root of an election definition file.</summary>
internal sealed class ElectionDocument
{
    public string? Format { get; set; }
    public string? Id { get; set; }
    public string? Title { get; set; }
    public JurisdictionDocument? Jurisdiction { get; set; }
    public string? Date { get; set; }
    public string? Kind { get; set; }
    public List<PartyDocument?>? Parties { get; set; }
    public List<DistrictDocument?>? Districts { get; set; }
    public List<PrecinctDocument?>? Precincts { get; set; }
    public List<ContestDocument?>? Contests { get; set; }
    public List<PageFormatDocument?>? PageFormats { get; set; }
    public List<BallotStyleDocument?>? BallotStyles { get; set; }
    public InterpretationDocument? Interpretation { get; set; }
}

/// <summary>The jurisdiction's reading settings: thresholds (any left out keep their defaults) and automatic clauses.</summary>
internal sealed class InterpretationDocument
{
    public ThresholdsDocument? Thresholds { get; set; }
    public List<string?>? AutomaticClauses { get; set; }
}

/// <summary>Mark thresholds; see <see cref="Rules.MarkThresholds"/>.</summary>
internal sealed class ThresholdsDocument
{
    public int? InkDarkness { get; set; }
    public int? ResidueDarkness { get; set; }
    public double? FilledCoverage { get; set; }
    public double? PartialCoverage { get; set; }
    public double? MarkCoverage { get; set; }
    public double? ResidueCoverage { get; set; }
    public double? MinimumInkInches { get; set; }
}

/// <summary>State and county.</summary>
internal sealed class JurisdictionDocument
{
    public string? State { get; set; }
    public string? County { get; set; }
}

/// <summary>A party.</summary>
internal sealed class PartyDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Abbreviation { get; set; }
}

/// <summary>A district.</summary>
internal sealed class DistrictDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

/// <summary>A precinct.</summary>
internal sealed class PrecinctDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string?>? Districts { get; set; }
}

/// <summary>A contest of any type ("candidate", "ballot-issue", "retention").</summary>
internal sealed class ContestDocument
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? District { get; set; }
    public string? Party { get; set; }
    public int? VoteFor { get; set; }
    public List<CandidateDocument?>? Candidates { get; set; }
    public int? WriteIns { get; set; }
    public List<DeclaredWriteInDocument?>? DeclaredWriteIns { get; set; }
    public string? Text { get; set; }
    public OptionDocument? Yes { get; set; }
    public OptionDocument? No { get; set; }
}

/// <summary>A printed candidate.</summary>
internal sealed class CandidateDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string?>? Parties { get; set; }
}

/// <summary>A declared write-in candidate and the designations they filed.</summary>
internal sealed class DeclaredWriteInDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string?>? Designations { get; set; }
}

/// <summary>A yes or no option.</summary>
internal sealed class OptionDocument
{
    public string? Id { get; set; }
    public string? Label { get; set; }
}

/// <summary>Paper, timing marks, oval and identity code.</summary>
internal sealed class PageFormatDocument
{
    public string? Id { get; set; }
    public double? WidthInches { get; set; }
    public double? HeightInches { get; set; }
    public GridDocument? TimingMarks { get; set; }
    public double? BubbleWidthInches { get; set; }
    public double? BubbleHeightInches { get; set; }
    public string? Identity { get; set; }
    public RectDocument? IdentityArea { get; set; }
}

/// <summary>The timing-mark grid.</summary>
internal sealed class GridDocument
{
    public int? Columns { get; set; }
    public int? Rows { get; set; }
    public double? MarkWidthInches { get; set; }
    public double? MarkHeightInches { get; set; }
    public InchPointDocument? FirstCenter { get; set; }
    public InchPointDocument? LastCenter { get; set; }
}

/// <summary>A point in inches.</summary>
internal sealed class InchPointDocument
{
    public double? X { get; set; }
    public double? Y { get; set; }
}

/// <summary>A ballot style.</summary>
internal sealed class BallotStyleDocument
{
    public string? Id { get; set; }
    public List<string?>? Precincts { get; set; }
    public string? Party { get; set; }
    public List<string?>? Contests { get; set; }
    public string? PageFormat { get; set; }
    public List<SheetDocument?>? Sheets { get; set; }
}

/// <summary>One sheet: two pages.</summary>
internal sealed class SheetDocument
{
    public PageDocument? Front { get; set; }
    public PageDocument? Back { get; set; }
}

/// <summary>One page's contest boxes and positions.</summary>
internal sealed class PageDocument
{
    public List<ContestBoxDocument?>? ContestBoxes { get; set; }
    public List<PositionDocument?>? Positions { get; set; }
}

/// <summary>A contest's box on a page.</summary>
internal sealed class ContestBoxDocument
{
    public string? Contest { get; set; }
    public RectDocument? Box { get; set; }
}

/// <summary>A voting position.</summary>
internal sealed class PositionDocument
{
    public string? Contest { get; set; }
    public string? Option { get; set; }
    public int? WriteIn { get; set; }
    public GridPointDocument? At { get; set; }
    public RectDocument? WriteInArea { get; set; }
    public RectDocument? LabelArea { get; set; }
}

/// <summary>A point in grid units.</summary>
internal sealed class GridPointDocument
{
    public double? Column { get; set; }
    public double? Row { get; set; }
}

/// <summary>A rectangle in grid units.</summary>
internal sealed class RectDocument
{
    public double? Left { get; set; }
    public double? Top { get; set; }
    public double? Right { get; set; }
    public double? Bottom { get; set; }
}

/// <summary>Source-generated serializer for the election format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ElectionDocument))]
internal sealed partial class ElectionJsonContext : JsonSerializerContext;
#pragma warning restore CA1812
