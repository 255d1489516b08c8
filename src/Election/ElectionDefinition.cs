using CentralCount.Election.Layout;

namespace CentralCount.Election;

/// <summary>Whether the election is a general election or a primary with party ballots.</summary>
public enum ElectionKind
{
    General,
    Primary,
}

/// <summary>The jurisdiction that runs the election.</summary>
public sealed record Jurisdiction(string State, string County);

/// <summary>
/// A complete, validated election definition: who is on the ballot, which ballot styles exist,
/// and where every voting position is printed. Built only by <see cref="Loading.ElectionLoader"/>
/// or an importer, which check every reference first.
/// </summary>
public sealed record ElectionDefinition(
    string Id,
    string Title,
    Jurisdiction Jurisdiction,
    DateOnly Date,
    ElectionKind Kind,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<District> Districts,
    IReadOnlyList<Precinct> Precincts,
    IReadOnlyList<Contest> Contests,
    IReadOnlyList<PageFormat> PageFormats,
    IReadOnlyList<BallotStyle> BallotStyles,
    ElectionHash Hash)
{
    /// <summary>How this jurisdiction reads marks and which clauses, if any, apply without the board.</summary>
    public Rules.InterpretationSettings Interpretation { get; init; } = Rules.InterpretationSettings.Default;

    public Contest Contest(string id) => Contests.FirstOrDefault(c => c.Id == id)
        ?? throw new KeyNotFoundException($"no contest '{id}' in election '{Id}'");

    public BallotStyle? FindStyle(string id) => BallotStyles.FirstOrDefault(s => s.Id == id);

    public PageFormat PageFormat(string id) => PageFormats.FirstOrDefault(f => f.Id == id)
        ?? throw new KeyNotFoundException($"no page format '{id}' in election '{Id}'");
}

/// <summary>A political party.</summary>
public sealed record Party(string Id, string Name, string Abbreviation);

/// <summary>An electoral district (statewide, congressional, legislative, county, ...).</summary>
public sealed record District(string Id, string Name);

/// <summary>A precinct and the districts it lies in.</summary>
public sealed record Precinct(string Id, string Name, IReadOnlyList<string> DistrictIds);
