using CentralCount.Election.Layout;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>Which ballot page this is, and how that was established.</summary>
/// <param name="Source"><c>qr-code</c> for our own ballots; <c>layout</c> when matched against the printed ovals (VxSuite grid ballots).</param>
/// <param name="PrecinctId">The precinct the code names, on a ballot of a style shared by several precincts that was printed for one of them; null otherwise.</param>
public sealed record PageIdentification(string StyleId, int Sheet, PageSide Side, bool IsTest, string Source, string? PrecinctId = null);

/// <summary>How well the timing-mark border was found.</summary>
/// <param name="MarksFound">Timing marks detected.</param>
/// <param name="MarksExpected">Timing marks the format prints.</param>
/// <param name="LongestGap">Longest run of missing marks along a side edge.</param>
/// <param name="PixelsPerInch">Resolution measured from the border.</param>
/// <param name="SkewDegrees">Rotation of the top edge from horizontal.</param>
public sealed record GeometryQuality(int MarksFound, int MarksExpected, int LongestGap, double PixelsPerInch, double SkewDegrees);

/// <summary>
/// The result of registering one page image: its geometry and identity, or the reason it
/// cannot be read. Streak columns are reported either way, for the station's streak watch.
/// </summary>
public sealed record PageRegistration(
    PageGeometry? Geometry,
    PageIdentification? Identity,
    GeometryQuality? Quality,
    IReadOnlyList<int> StreakColumns,
    PageReject? Reject,
    IReadOnlyList<LocatedPosition>? Positions = null)
{
    public bool IsRead => Reject is null && Geometry is not null && Identity is not null;

    public static PageRegistration Rejected(PageReject reject, IReadOnlyList<int>? streaks = null) =>
        new(null, null, null, streaks ?? [], reject);
}
