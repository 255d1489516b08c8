using System.Globalization;
using CentralCount.Election;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Tabulation.Exports;

/// <summary>
/// What Arlo needs for a ballot-comparison risk-limiting audit: the CVRs in the ClearBallot CSV
/// shape (one row per sheet; tabulator = scanning station, box = batch, position = place in the
/// batch; one 0/1 column per choice, headed "Choice_i_j:Contest:Vote For n:Choice:Party") and the
/// ballot manifest (tabulator, batch, number of ballots) whose rows those columns must match.
/// Votes are the current ones (after the board); an overvote shows every position marked (every
/// choice, when fewer were marked than allowed).
/// </summary>
public static class ArloExport
{
    public static void WriteCvrs(TextWriter output, ElectionDefinition election, IEnumerable<StoredSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(sheets);
        var columns = Columns(election);
        output.Write("RowNumber,BoxID,BoxPosition,BallotID,PrecinctID,BallotStyleID,PrecinctStyleName,ScanComputerName,Status,Remade");
        foreach (var c in columns)
        {
            output.Write(',');
            output.Write(Csv(c.Header));
        }

        output.Write("\r\n");
        var row = 0;
        foreach (var sheet in sheets)
        {
            row++;
            var style = sheet.StyleId is null ? null : election.FindStyle(sheet.StyleId);
            output.Write(string.Join(',', row.ToString(CultureInfo.InvariantCulture), Csv(sheet.BatchId), sheet.Seq.ToString(CultureInfo.InvariantCulture),
                Csv($"{sheet.BatchId}-{sheet.Seq}"), Csv(sheet.PrecinctId ?? string.Empty), Csv(sheet.StyleId ?? string.Empty), Csv(sheet.StyleId ?? string.Empty), Csv(sheet.Station), "0", "0"));
            var contests = sheet.Contests.ToDictionary(c => c.ContestId, StringComparer.Ordinal);
            // The reading is needed only to show an overvote's marks.
            var marked = sheet.Reading is null || contests.Values.All(c => c.CurrentOutcome != "overvote")
                ? [] : ReadPosition.Parse(sheet.Reading).Where(p => p.MarkClass != "empty").ToList();
            foreach (var c in columns)
            {
                output.Write(',');
                if (!contests.TryGetValue(c.ContestId, out var recorded) || style is null)
                {
                    continue;
                }

                var voted = recorded.CurrentOutcome switch
                {
                    "counted" => recorded.CurrentVotes.Contains(c.Vote) || (c.Vote == "write-in" && recorded.CurrentVotes.Any(v => v.StartsWith("write-in:", StringComparison.Ordinal))),
                    "overvote" => OvervoteShows(marked, c, election.Contest(c.ContestId).VoteFor),
                    _ => false,
                };
                output.Write(voted ? '1' : '0');
            }

            output.Write("\r\n");
        }
    }

    public static void WriteManifest(TextWriter output, IEnumerable<StoredSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        output.Write("Tabulator,Batch Name,Number of Ballots\r\n");
        foreach (var g in sheets.GroupBy(s => (s.Station, s.BatchId)).OrderBy(g => g.Key.Station, StringComparer.Ordinal).ThenBy(g => g.Key.BatchId, StringComparer.Ordinal))
        {
            output.Write($"{Csv(g.Key.Station)},{Csv(g.Key.BatchId)},{g.Count().ToString(CultureInfo.InvariantCulture)}\r\n");
        }
    }

    // An overvote shows the positions the voter marked; when fewer are marked than allowed (the board
    // designated it from other marks), every choice shows 1 so that Arlo reads it as the overvote it is.
    private static bool OvervoteShows(List<ReadPosition> marked, (string ContestId, string Vote, string Header) column, int allowed)
    {
        var inContest = marked.Where(p => p.ContestId == column.ContestId).ToList();
        return inContest.Count <= allowed || inContest.Any(p => p.OptionId == column.Vote || (column.Vote == "write-in" && p.WriteInIndex is not null));
    }

    private static List<(string ContestId, string Vote, string Header)> Columns(ElectionDefinition election)
    {
        var list = new List<(string, string, string)>();
        for (var i = 0; i < election.Contests.Count; i++)
        {
            var contest = election.Contests[i];
            var choices = contest switch
            {
                CandidateContest c => c.Candidates.Select(k => (k.Id, k.Name, Party: string.Join('/', k.PartyIds.Select(p => election.Parties.FirstOrDefault(x => x.Id == p)?.Name ?? p))))
                    .Concat(c.DeclaredWriteIns.Select(d => (d.Id, d.Name, Party: "Write-in")))
                    .Concat(c.WriteInSlots > 0 ? [("write-in", "Write-in", "Write-in")] : []),
                MeasureContest m => [(m.Yes.Id, m.Yes.Label, Party: string.Empty), (m.No.Id, m.No.Label, Party: string.Empty)],
                _ => [],
            };
            var j = 0;
            foreach (var (id, name, party) in choices)
            {
                j++;
                list.Add((contest.Id, id, $"Choice_{i + 1}_{j}:{Plain(contest.Title)}:Vote For {contest.VoteFor}:{Plain(name)}:{(party.Length == 0 ? "Non-Partisan" : Plain(party))}"));
            }
        }

        return list;
    }

    // Arlo splits headers on ':'.
    private static string Plain(string text) => text.Replace(':', ' ');

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
