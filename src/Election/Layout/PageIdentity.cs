using System.Globalization;

namespace CentralCount.Election.Layout;

/// <summary>
/// What a page's QR code says: <c>CC1|hash prefix|style|sheet|F or B|T or L</c>, and
/// <c>|precinct</c> after it on a ballot printed for one of the several precincts its style
/// serves (so the sheet can be tallied by precinct). Test ballots (T) and live ballots (L) are
/// told apart by the code as well as by the printed words.
/// </summary>
/// <param name="PrecinctId">The precinct the ballot was printed for, when its style serves several; null otherwise.</param>
public sealed record PageIdentity(string ElectionHashPrefix, string StyleId, int Sheet, PageSide Side, bool IsTest, string? PrecinctId = null)
{
    public const string Tag = "CC1";

    public string Encode()
    {
        var code = string.Join('|', Tag, ElectionHashPrefix, StyleId, Sheet.ToString(CultureInfo.InvariantCulture),
            Side == PageSide.Front ? "F" : "B", IsTest ? "T" : "L");
        return PrecinctId is null ? code : code + "|" + PrecinctId;
    }

    /// <summary>Parses a payload, or returns null when it is not one of ours.</summary>
    public static PageIdentity? TryParse(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.Split('|');
        if (parts.Length is not (6 or 7) || (parts.Length == 7 && parts[6].Length == 0) || parts[0] != Tag || parts[1].Length == 0 || parts[2].Length == 0 ||
            !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sheet) || sheet < 1 ||
            parts[4] is not ("F" or "B") || parts[5] is not ("T" or "L"))
        {
            return null;
        }

        return new PageIdentity(parts[1], parts[2], sheet, parts[4] == "F" ? PageSide.Front : PageSide.Back, parts[5] == "T", parts.Length == 7 ? parts[6] : null);
    }
}
