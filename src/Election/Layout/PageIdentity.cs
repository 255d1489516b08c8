using System.Globalization;

namespace CentralCount.Election.Layout;

/// <summary>
/// What a page's QR code says: <c>CC1|hash prefix|style|sheet|F or B|T or L</c>. Test ballots
/// (T) and live ballots (L) are told apart by the code as well as by the printed words.
/// </summary>
public sealed record PageIdentity(string ElectionHashPrefix, string StyleId, int Sheet, PageSide Side, bool IsTest)
{
    public const string Tag = "CC1";

    public string Encode() => string.Join('|', Tag, ElectionHashPrefix, StyleId, Sheet.ToString(CultureInfo.InvariantCulture),
        Side == PageSide.Front ? "F" : "B", IsTest ? "T" : "L");

    /// <summary>Parses a payload, or returns null when it is not one of ours.</summary>
    public static PageIdentity? TryParse(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.Split('|');
        if (parts.Length != 6 || parts[0] != Tag || parts[1].Length == 0 || parts[2].Length == 0 ||
            !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sheet) || sheet < 1 ||
            parts[4] is not ("F" or "B") || parts[5] is not ("T" or "L"))
        {
            return null;
        }

        return new PageIdentity(parts[1], parts[2], sheet, parts[4] == "F" ? PageSide.Front : PageSide.Back, parts[5] == "T");
    }
}
