using CentralCount.Election;

namespace CentralCount.TestDeck.Design;

/// <summary>
/// What a ballot style should carry, before layout: precincts, party, contests in order, the
/// rotation of candidate names, and contests that begin a new sheet (a municipal section, say).
/// </summary>
public sealed record StyleSpec(string Id, IReadOnlyList<string> PrecinctIds, string? PartyId, IReadOnlyList<string> ContestIds, int Rotation, IReadOnlyList<string>? NewSheetBefore = null);

/// <summary>An election before layout: everything but the page positions.</summary>
public sealed record BallotContent(
    string Id,
    string Title,
    Jurisdiction Jurisdiction,
    DateOnly Date,
    ElectionKind Kind,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<District> Districts,
    IReadOnlyList<Precinct> Precincts,
    IReadOnlyList<Contest> Contests,
    IReadOnlyList<StyleSpec> Styles);
