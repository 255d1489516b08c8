using System.Globalization;
using System.Net;
using System.Text;
using CentralCount.Election;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Tabulation.Exports;

/// <summary>
/// The printable results report (HTML, one file, no scripts, nothing fetched): the county's
/// totals per contest, then per precinct; the board's status; and the overvote summary of ARM
/// 44.3.1703(6)(b), every overvoted contest with its batch and sheet.
/// </summary>
public static class ResultsReport
{
    public static string Html(ElectionDefinition election, IReadOnlyList<RecordedContest> contests, IEnumerable<StoredSheet> sheets, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(contests);
        ArgumentNullException.ThrowIfNull(sheets);
        var total = TallyContests.From(election, contests);
        var pending = total.Sum(t => t.PendingBoard);
        var h = new StringBuilder();
        h.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(election.Title)).Append(" — results</title><style>")
         .Append("body{font:12pt/1.35 'DejaVu Sans',Arial,sans-serif;margin:1.5cm;color:#111}h1{font-size:18pt;margin:0}h2{font-size:14pt;margin:1.2em 0 .3em;break-after:avoid}")
         .Append("h3{font-size:12pt;margin:.8em 0 .2em;break-after:avoid}table{border-collapse:collapse;width:100%;margin-bottom:.6em;break-inside:avoid}")
         .Append("th,td{border-bottom:1px solid #bbb;padding:.15em .4em;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}")
         .Append(".status{border:2px solid #8a4b00;background:#fff4e0;padding:.4em .6em;margin:.6em 0}.muted{color:#555}section.precinct{break-before:page}")
         .Append("@page{size:letter;margin:1.5cm}</style></head><body>");
        h.Append("<h1>").Append(E(election.Title)).Append("</h1><p class=\"muted\">").Append(E($"{election.Jurisdiction.County}, {election.Jurisdiction.State}")).Append(" · ")
         .Append(election.Date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)).Append(" · report made ").Append(generated.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
         .Append(" · election ").Append(E(election.Hash.Prefix)).Append("</p>");
        h.Append("<div class=\"status\"><b>UNOFFICIAL RESULTS.</b> ").Append(pending > 0
            ? $"{pending} contest(s) on ballots still wait for the adjudication board; totals will change."
            : "No contest waits for the adjudication board. Results are official only when canvassed and certified.").Append("</div>");
        h.Append("<h2>County totals</h2>");
        foreach (var t in total.Where(t => t.Ballots > 0))
        {
            Contest(h, t);
        }

        h.Append("<h2>Overvotes (ARM 44.3.1703(6)(b))</h2>");
        var overvotes = sheets.SelectMany(s => s.Contests.Where(c => c.CurrentOutcome == "overvote").Select(c => (Sheet: s, Contest: c))).ToList();
        if (overvotes.Count == 0)
        {
            h.Append("<p>No contest was overvoted.</p>");
        }
        else
        {
            h.Append("<table><tr><th>Contest</th><th class=\"n\">Overvoted ballots</th></tr>");
            foreach (var g in overvotes.GroupBy(o => o.Contest.ContestId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                h.Append("<tr><td>").Append(E(election.Contest(g.Key).Title)).Append("</td><td class=\"n\">").Append(g.Count()).Append("</td></tr>");
            }

            h.Append("</table><h3>Each overvoted contest</h3><table><tr><th>Batch</th><th class=\"n\">Sheet</th><th>File</th><th>Contest</th><th>Decided by</th></tr>");
            foreach (var (s, c) in overvotes)
            {
                h.Append("<tr><td>").Append(E(s.BatchId)).Append("</td><td class=\"n\">").Append(s.Seq).Append("</td><td>").Append(E(s.FrontFile)).Append("</td><td>")
                 .Append(E(election.Contest(c.ContestId).Title)).Append("</td><td>").Append(c.Adjudication is { } a ? E($"board {a.BoardId}") : "the rules (machine)").Append("</td></tr>");
            }

            h.Append("</table>");
        }

        foreach (var p in election.Precincts)
        {
            var tallies = TallyContests.From(election, contests, r => r.PrecinctId == p.Id).Where(t => t.Ballots > 0).ToList();
            if (tallies.Count == 0)
            {
                continue;
            }

            h.Append("<section class=\"precinct\"><h2>Precinct ").Append(E(p.Name)).Append("</h2>");
            tallies.ForEach(t => Contest(h, t));
            h.Append("</section>");
        }

        h.Append("</body></html>");
        return h.ToString();
    }

    private static void Contest(StringBuilder h, ContestTally t)
    {
        h.Append("<h3>").Append(E(t.Title)).Append(" <span class=\"muted\">(vote for ").Append(t.VoteFor).Append("; ").Append(t.Ballots).Append(" ballots)</span></h3><table>");
        h.Append("<tr><th>Choice</th><th class=\"n\">Votes</th></tr>");
        foreach (var (_, label, votes) in t.Options)
        {
            h.Append("<tr><td>").Append(E(label)).Append("</td><td class=\"n\">").Append(votes).Append("</td></tr>");
        }

        Row(h, "Write-ins not matched to a declared candidate", t.WriteIns);
        Row(h, "Overvoted ballots", t.Overvotes);
        Row(h, "Undervoted ballots", t.Undervotes);
        Row(h, "Not valid by the board (44.3.2402(1)(b))", t.NotValid);
        Row(h, "Waiting for the board", t.PendingBoard);
        h.Append("</table>");
    }

    private static void Row(StringBuilder h, string label, int n) =>
        h.Append("<tr class=\"muted\"><td>").Append(E(label)).Append("</td><td class=\"n\">").Append(n).Append("</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
