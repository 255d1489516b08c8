using System.Text.Json;
using CentralCount.Election;

namespace CentralCount.Tabulation.Exports;

/// <summary>
/// Reads a CVR report we wrote back into recorded contests, from each CVR's current snapshot,
/// so the export can be checked against the count: tallies made from it must equal the store's.
/// </summary>
public static class CastVoteRecordReader
{
    public static List<RecordedContest> Read(Stream input, ElectionDefinition election)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(election);
        using var doc = JsonDocument.Parse(input);
        var contests = election.Contests.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var list = new List<RecordedContest>();
        foreach (var cvr in doc.RootElement.GetProperty("CVR").EnumerateArray())
        {
            var batch = cvr.GetProperty("BatchId").GetString()!;
            var style = cvr.TryGetProperty("BallotStyleId", out var s) ? s.GetString() : null;
            var precinct = cvr.TryGetProperty("BallotStyleUnitId", out var p) ? p.GetString() : null;
            var current = cvr.GetProperty("CurrentSnapshotId").GetString();
            var snapshot = cvr.GetProperty("CVRSnapshot").EnumerateArray().Single(x => x.GetProperty("@id").GetString() == current);
            foreach (var c in snapshot.GetProperty("CVRContest").EnumerateArray())
            {
                var id = c.GetProperty("ContestId").GetString()!;
                var status = c.TryGetProperty("Status", out var st) ? st.EnumerateArray().Select(x => x.GetString()).ToList() : [];
                var other = c.TryGetProperty("OtherStatus", out var o) ? o.GetString() ?? string.Empty : string.Empty;
                var votes = c.TryGetProperty("CVRContestSelection", out var sel)
                    ? sel.EnumerateArray().Where(x => x.GetProperty("SelectionPosition").EnumerateArray().Sum(sp => sp.GetProperty("NumberVotes").GetInt32()) > 0)
                        .Select(x => CvrIds.Vote(contests[id], x.GetProperty("ContestSelectionId").GetString()!)).ToList()
                    : [];
                var outcome = status.Contains("overvoted") ? "overvote"
                    : other.StartsWith("needs-adjudication", StringComparison.Ordinal) ? "board"
                    : other.StartsWith("not-valid", StringComparison.Ordinal) ? "not-valid"
                    : votes.Count == 0 ? "undervote" : "counted";
                list.Add(new RecordedContest(batch, style, precinct, id, outcome, votes));
            }
        }

        return list;
    }
}
