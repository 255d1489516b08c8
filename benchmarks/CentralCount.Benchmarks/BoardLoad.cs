using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CentralCount.Adjudication.Accounts;
using CentralCount.Adjudication.Decisions;
using CentralCount.Adjudication.Store;
using CentralCount.Adjudication.Web;
using CentralCount.ScanPipeline.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CentralCount.Benchmarks;

/// <summary>
/// Board stations under load: a copy of a count store is served on the loopback address, and
/// stations (boards of three, the last one smaller) decide items as fast as the service lets them,
/// each decision returning the next item. Latency is measured from sending a decision to
/// receiving the next item, at the station and inside the server. Afterwards every accepted
/// decision must be in the store exactly once, every re-sent one refused, and every settled
/// contest must follow the majority of its recorded decisions.
/// </summary>
internal static class BoardLoad
{
    private const string Password = "load-test-password";

    public static async Task RunAsync(string storePath, int stations, int decisionsPerStation)
    {
        var work = Directory.CreateTempSubdirectory("board-load").FullName;
        var copy = Path.Combine(work, "count.db");
        using (var source = CountStore.Open(storePath))
        {
            File.Copy(source.Path, copy);
            var images = Path.Combine(work, "count-images");
            Directory.CreateSymbolicLink(images, source.ImagesFolder);
        }

        var members = Enumerable.Range(1, stations).Select(i => $"station{i}").ToList();
        using (var db = BoardDatabase.Open(copy))
        {
            var accounts = new AccountStore(db, 1_000);
            var roster = new BoardRoster(db);
            members.ForEach(m => accounts.Create(m, m, Role.Member, Password, "benchmark"));
            foreach (var (board, index) in members.Chunk(3).Select((b, i) => (b, i)))
            {
                roster.Create($"B{index + 1}", board, "benchmark");
            }
        }

        var app = AdjudicationServer.Build(new ServerOptions(copy, "127.0.0.1", 0));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Console.WriteLine($"board load: {stations} stations, {decisionsPerStation} decisions each, store copied from {storePath}; {Environment.ProcessorCount} cores");

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(members.Select(m => Station(address, m, decisionsPerStation)));
        var elapsed = clock.Elapsed;
        await app.StopAsync();
        await app.DisposeAsync();

        var client = results.SelectMany(r => r.ClientMs).Order().ToList();
        var server = results.SelectMany(r => r.ServerMs).Order().ToList();
        var accepted = results.SelectMany(r => r.Accepted).ToList();
        Console.WriteLine($"decisions accepted {accepted.Count} in {elapsed.TotalSeconds:0.0} s ({accepted.Count / elapsed.TotalSeconds:0} a second); refused as already decided {results.Sum(r => r.Conflicts)} (the board settled first); re-sent and refused {results.Sum(r => r.ResentRefused)} of {results.Sum(r => r.Resent)}");
        Console.WriteLine($"decision to next item, at the station: p50 {P(client, 0.50):0.0} ms, p95 {P(client, 0.95):0.0} ms, p99 {P(client, 0.99):0.0} ms, max {client.LastOrDefault():0.0} ms");
        Console.WriteLine($"decision to next item, in the server:  p50 {P(server, 0.50):0.0} ms, p95 {P(server, 0.95):0.0} ms, p99 {P(server, 0.99):0.0} ms, max {server.LastOrDefault():0.0} ms");
        var problems = Verify(copy, accepted);
        Console.WriteLine(problems.Count == 0 ? "store check: every accepted decision recorded once, none twice; every settled contest follows its majority; audit log intact" : "STORE CHECK FAILED:\n  " + string.Join("\n  ", problems));
        Directory.Delete(work, true);
        if (problems.Count > 0)
        {
            Environment.ExitCode = 1;
        }
    }

    private sealed record StationResult(List<double> ClientMs, List<double> ServerMs, List<(long Sheet, string Contest, string Member)> Accepted, int Conflicts, int Resent, int ResentRefused);

    private static async Task<StationResult> Station(Uri address, string member, int decisions)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = address };
        (await http.PostAsJsonAsync("/api/signin", new { name = member, password = Password })).EnsureSuccessStatusCode();
        var me = await http.GetFromJsonAsync<JsonElement>("/api/me");
        http.DefaultRequestHeaders.Add("X-CSRF-Token", me.GetProperty("csrf").GetString());
        var random = new Random(member.GetHashCode(StringComparison.Ordinal));
        var result = new StationResult([], [], [], 0, 0, 0);
        var (conflicts, resent, refused) = (0, 0, 0);
        var item = (await http.GetFromJsonAsync<JsonElement>("/api/next")).GetProperty("item");
        for (var i = 0; i < decisions && item.ValueKind == JsonValueKind.Object; i++)
        {
            var sheet = item.GetProperty("key").GetProperty("sheetId").GetInt64();
            var contest = item.GetProperty("key").GetProperty("contestId").GetString()!;
            var first = item.GetProperty("contest").GetProperty("options")[0].GetProperty("id").GetString();
            // Members mostly agree on the first option; now and then one finds the intent not clear.
            var body = random.NextDouble() < 0.1 ? (object)new { kind = "not-clear" } : new { kind = "votes", options = new[] { first } };
            var url = $"/api/items/{sheet}/{Uri.EscapeDataString(contest)}/decision";
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync(url, body);
            var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                conflicts++;
                item = (await http.GetFromJsonAsync<JsonElement>("/api/next")).GetProperty("item");
                continue;
            }

            response.EnsureSuccessStatusCode();
            result.ClientMs.Add(ms);
            if (response.Headers.TryGetValues("Server-Timing", out var timing) && timing.First().Split("dur=") is [_, var dur])
            {
                result.ServerMs.Add(double.Parse(dur, CultureInfo.InvariantCulture));
            }

            result.Accepted.Add((sheet, contest, member));
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (random.NextDouble() < 0.05)
            {
                // A double submission (a second click, a retried request) must never count twice.
                resent++;
                using var again = await http.PostAsJsonAsync(url, body);
                refused += again.StatusCode == HttpStatusCode.Conflict ? 1 : 0;
            }

            item = answer.GetProperty("next");
        }

        return result with { Conflicts = conflicts, Resent = resent, ResentRefused = refused };
    }

    private static List<string> Verify(string path, List<(long Sheet, string Contest, string Member)> accepted)
    {
        var problems = new List<string>();
        using var db = BoardDatabase.Open(path);
        var rows = db.Read(sql => sql.Rows("SELECT sheet_id, contest_id, account, outcome, votes, board_id FROM board_decisions",
            r => (Sheet: r.GetInt64(0), Contest: r.GetString(1), Member: r.GetString(2), Outcome: BoardOutcome.Parse(r.GetString(3), StoredVotes.Split(r.GetString(4))), Board: r.GetString(5))));
        var recorded = rows.Select(r => (r.Sheet, r.Contest, r.Member)).ToHashSet();
        if (rows.Count != accepted.Count)
        {
            problems.Add($"{accepted.Count} decisions accepted, {rows.Count} in the store");
        }

        problems.AddRange(accepted.Where(a => !recorded.Contains(a)).Select(a => $"accepted but not recorded: {a}"));
        if (accepted.Distinct().Count() != accepted.Count)
        {
            problems.Add("a decision was accepted twice");
        }

        var sizes = db.Read(sql => sql.Rows("SELECT id, size FROM boards", r => (r.GetString(0), r.GetInt32(1)))).ToDictionary(b => b.Item1, b => b.Item2);
        var settled = db.Read(sql => sql.Rows("SELECT sheet_id, contest_id, outcome, votes FROM adjudications",
            r => (Sheet: r.GetInt64(0), Contest: r.GetString(1), Outcome: BoardOutcome.Parse(r.GetString(2), StoredVotes.Split(r.GetString(3))))));
        foreach (var group in rows.GroupBy(r => (r.Sheet, r.Contest)))
        {
            var expected = DecideByMajority.Settle(sizes[group.First().Board], [.. group.Select(g => g.Outcome)]);
            var actual = settled.Where(s => s.Sheet == group.Key.Sheet && s.Contest == group.Key.Contest).Select(s => s.Outcome).ToList();
            if (actual.Count > 1 || !Equals(expected, actual.SingleOrDefault()))
            {
                problems.Add($"sheet {group.Key.Sheet} {group.Key.Contest}: majority {expected?.KindName ?? "none yet"}, store {string.Join(",", actual.Select(a => a.KindName))}");
            }
        }

        using var store = CountStore.Open(path);
        if (AuditChain.FirstBreak(store.AuditLog()) is { } broken)
        {
            problems.Add("audit log: " + broken);
        }

        return problems;
    }

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
