using CentralCount.Election;

namespace CentralCount.Tabulation.Exports;

/// <summary>
/// The ids our exports give to things the election definition names differently: a write-in
/// area that no declared candidate was matched to, a sheet, a snapshot.
/// </summary>
public static class CvrIds
{
    private const string WriteInPrefix = "write-in:";

    /// <summary>The selection id of write-in area <paramref name="slot"/> (0-based) of a contest, for votes not matched to a declared candidate.</summary>
    public static string WriteInSelection(string contestId, int slot) => $"{contestId}-write-in-{slot + 1}";

    /// <summary>The selection id a recorded vote is exported under.</summary>
    public static string Selection(string contestId, string vote) =>
        vote.StartsWith(WriteInPrefix, StringComparison.Ordinal) ? WriteInSelection(contestId, int.Parse(vote.AsSpan(WriteInPrefix.Length), System.Globalization.CultureInfo.InvariantCulture)) : vote;

    /// <summary>The recorded vote an exported selection id stands for (the inverse of <see cref="Selection"/>).</summary>
    public static string Vote(Contest contest, string selectionId)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(selectionId);
        var prefix = contest.Id + "-write-in-";
        return contest is CandidateContest c && selectionId.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(selectionId.AsSpan(prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= c.WriteInSlots
            ? WriteInPrefix + (n - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : selectionId;
    }

    public static string Sheet(long sheetId) => $"sheet-{sheetId}";

    public static string Snapshot(long sheetId, string type) => $"sheet-{sheetId}-{type}";
}
