using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CentralCount.Adjudication.Accounts;
using CentralCount.Adjudication.Decisions;
using CentralCount.Adjudication.Queue;
using CentralCount.Adjudication.Store;
using CentralCount.Election;
using CentralCount.ScanPipeline.Store;
using CentralCount.Tabulation;
using CentralCount.Tabulation.Exports;
using CentralCount.Tests;

namespace CentralCount.Cli.Tests;

/// <summary>The demo's 1,000-sheet count, with part of its board queue decided, exported once for the export tests.</summary>
public sealed class ExportedDemo : IDisposable
{
    public ExportedDemo()
    {
        Root = Directory.CreateTempSubdirectory("export").FullName;
        var demo = Path.Combine(Root, "demo");
        var (code, text, error) = CliRunner.RunFor(TimeSpan.FromMinutes(20), "demo", "--out", demo, "--sheets", "1000");
        Assert.True(code == 0, text + error);
        StorePath = Path.Combine(demo, "count.db");
        Decided = DecideSome(StorePath);
        Export = Path.Combine(Root, "export");
        (code, text, error) = CliRunner.Run("export", "--store", StorePath, "--out", Export);
        Assert.True(code == 0, text + error);
        using var store = CountStore.Open(StorePath);
        Election = store.Election!;
        Rows = [.. RecordedContests.In(store)];
        Sheets = store.CountedSheets().Count();
    }

    public string Root { get; }

    public string StorePath { get; }

    public string Export { get; }

    public ElectionDefinition Election { get; }

    public IReadOnlyList<RecordedContest> Rows { get; }

    public int Sheets { get; }

    public int Decided { get; }

    public void Dispose() => Directory.Delete(Root, true);

    // One-member boards settle at once; choices cycle through a vote, an overvote, no vote, "not clear" and a declared write-in.
    private static int DecideSome(string path)
    {
        using var db = BoardDatabase.Open(path);
        var accounts = new AccountStore(db, 1_000);
        accounts.Create("judge", "Judge", Role.Member, "export-test-password", "test");
        new BoardRoster(db).Create("X", ["judge"], "test");
        var member = accounts.Find("judge")!;
        var queue = new QueueStore(db);
        var decisions = new DecisionStore(db);
        var n = 0;
        for (; n < 60 && queue.Next(member, QueueFilter.Any) is { } item; n++)
        {
            var contest = db.Election.Contest(item.Key.ContestId);
            var choice = (n % 5) switch
            {
                0 => MemberChoice.For(item.Positions.First(p => p.OptionId is not null).OptionId!),
                1 => MemberChoice.Overvoted,
                2 => new MemberChoice(ChoiceKind.Votes, [], []),
                3 => MemberChoice.NotClear,
                _ => contest is CandidateContest { DeclaredWriteIns.Count: > 0, WriteInSlots: > 0 } c
                    ? new MemberChoice(ChoiceKind.Votes, [], [new WriteInRead(0, c.DeclaredWriteIns[0].Name, false)])
                    : MemberChoice.For(contest.OptionIds[^1]),
            };
            decisions.Record(member, item.Key, choice);
        }

        return n;
    }
}

/// <summary>Exports of a 1,000-sheet count: valid by the NIST schemas, equal to the tallies, re-readable, tamper-evident, and reproducible from the images.</summary>
public sealed class ExportTests(ExportedDemo demo) : IClassFixture<ExportedDemo>
{
    [Theory]
    [InlineData(ExportCount.Cvr, "NIST_V0_cast_vote_records.json")]
    [InlineData(ExportCount.Results, "NIST_V2_election_results_reporting.json")]
    public void The_export_is_valid_by_the_NIST_schema(string file, string schema)
    {
        var schemaPath = Path.Combine(TestPaths.RepoRoot, "..", "shared", "standards", schema);
        Assert.True(File.Exists(schemaPath), $"NIST schema missing: {schemaPath}");
        var check = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); instance = json.load(open(sys.argv[2]))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(instance))
            for e in errors[:10]: print(list(e.absolute_path)[:8], e.message[:300])
            print("errors:", len(errors))
            """, schemaPath, Path.Combine(demo.Export, file) })
        {
            check.ArgumentList.Add(a);
        }

        using var p = Process.Start(check)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output);
        Assert.Contains("errors: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Re_reading_the_cvr_export_reproduces_the_tallies_exactly()
    {
        Assert.True(demo.Decided >= 50, $"only {demo.Decided} board decisions were made");
        using var cvr = File.OpenRead(Path.Combine(demo.Export, ExportCount.Cvr));
        var reread = CastVoteRecordReader.Read(cvr, demo.Election);
        Assert.Equal(Describe(TallyContests.From(demo.Election, demo.Rows)), Describe(TallyContests.From(demo.Election, reread)));
        Assert.Contains(reread, r => r.Outcome == "not-valid");
        Assert.Equal(demo.Sheets, JsonDocument.Parse(File.ReadAllBytes(Path.Combine(demo.Export, ExportCount.Cvr))).RootElement.GetProperty("CVR").GetArrayLength());
    }

    [Fact]
    public void The_results_and_arlo_exports_add_up_to_the_tallies()
    {
        var tallies = TallyContests.From(demo.Election, demo.Rows);
        using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(demo.Export, ExportCount.Results)));
        var county = ElectionParts.CountyId(demo.Election);
        var contests = results.RootElement.GetProperty("Election")[0].GetProperty("Contest").EnumerateArray().ToDictionary(c => c.GetProperty("@id").GetString()!);
        foreach (var t in tallies)
        {
            var c = contests[t.ContestId];
            var selections = c.GetProperty("ContestSelection").EnumerateArray().ToList();
            Assert.Equal(t.Options.Count, selections.Count);
            for (var i = 0; i < t.Options.Count; i++)
            {
                var total = selections[i].GetProperty("VoteCounts").EnumerateArray().Single(v => v.GetProperty("GpUnitId").GetString() == county).GetProperty("Count").GetInt32();
                Assert.Equal(t.Options[i].Votes, total);
            }

            var other = c.GetProperty("OtherCounts").EnumerateArray().Single(o => o.GetProperty("GpUnitId").GetString() == county);
            Assert.Equal(t.Overvotes, other.GetProperty("Overvotes").GetInt32());
            Assert.Equal(t.Undervotes, other.GetProperty("Undervotes").GetInt32());
            Assert.Equal(t.WriteIns, other.GetProperty("WriteIns").GetInt32());
        }

        // Arlo: per choice column, the 1s of ballots that did not overvote the contest are its votes.
        var lines = File.ReadAllLines(Path.Combine(demo.Export, ExportCount.ArloCvr));
        var header = Fields(lines[0]);
        var rows = lines.Skip(1).Select(Fields).ToList();
        Assert.Equal(demo.Sheets, rows.Count);
        foreach (var t in tallies.Where(t => t.Ballots > 0))
        {
            var contest = demo.Election.Contest(t.ContestId);
            var index = demo.Election.Contests.ToList().IndexOf(contest) + 1;
            var columns = header.Select((h, i) => (h, i)).Where(x => x.h.StartsWith($"Choice_{index}_", StringComparison.Ordinal)).Select(x => x.i).ToList();
            var counted = rows.Where(r => columns.Count(i => r[i] == "1") <= contest.VoteFor).ToList();
            for (var j = 0; j < t.Options.Count; j++)
            {
                Assert.Equal(t.Options[j].Votes, counted.Count(r => r[columns[j]] == "1"));
            }
        }

        var manifest = File.ReadAllLines(Path.Combine(demo.Export, ExportCount.ArloManifest));
        Assert.Equal(demo.Sheets, manifest.Skip(1).Sum(l => int.Parse(Fields(l)[2], CultureInfo.InvariantCulture)));

        var html = File.ReadAllText(Path.Combine(demo.Export, ExportCount.Report));
        Assert.Contains("UNOFFICIAL RESULTS", html, StringComparison.Ordinal);
        Assert.Contains("Overvotes (ARM 44.3.1703(6)(b))", html, StringComparison.Ordinal);
        var first = tallies.First(t => t.Ballots > 0);
        Assert.Contains($"<td>{System.Net.WebUtility.HtmlEncode(first.Options[0].Label)}</td><td class=\"n\">{first.Options[0].Votes}</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_verify_finds_a_changed_byte_a_missing_file_and_an_added_one()
    {
        var copy = Path.Combine(demo.Root, "copy-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(demo.Export))
        {
            File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        }

        Assert.Equal(0, CliRunner.Run("export", "verify", copy).ExitCode);
        var target = Path.Combine(copy, ExportCount.Results);
        var bytes = File.ReadAllBytes(target);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(target, bytes);
        var (code, text, _) = CliRunner.Run("export", "verify", copy);
        Assert.Equal(3, code);
        Assert.Contains($"{ExportCount.Results}: changed since export", text, StringComparison.Ordinal);

        File.Delete(Path.Combine(copy, ExportCount.ArloManifest));
        File.WriteAllText(Path.Combine(copy, "extra.csv"), "x");
        (code, text, _) = CliRunner.Run("export", "verify", copy);
        Assert.Equal(3, code);
        Assert.Contains($"{ExportCount.ArloManifest}: missing", text, StringComparison.Ordinal);
        Assert.Contains("extra.csv: not in the manifest", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recounting_from_the_stored_images_reproduces_every_recorded_reading()
    {
        var (code, text, error) = CliRunner.RunFor(TimeSpan.FromMinutes(20), "recount", "--store", demo.StorePath);
        Assert.True(code == 0, text + error);
        Assert.Contains($"recount: {demo.Sheets} sheets", text, StringComparison.Ordinal);
        Assert.Contains("every reading and every tally in scope is as recorded", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recount_reports_a_recorded_reading_the_images_do_not_support()
    {
        // A copy of the store with one recorded contest changed, as if the record had been altered.
        var dir = Path.Combine(demo.Root, "altered-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        var copy = Path.Combine(dir, "count.db");
        File.Copy(demo.StorePath, copy);
        Directory.CreateSymbolicLink(Path.Combine(dir, "count-images"), Path.Combine(Path.GetDirectoryName(demo.StorePath)!, "count-images"));
        string contest, batch;
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            db.Open();
            using var pick = db.CreateCommand();
            pick.CommandText = "SELECT c.sheet_id, c.contest_id, s.batch_id FROM contest_results c JOIN sheets s ON s.id = c.sheet_id WHERE c.outcome = 'counted' ORDER BY c.sheet_id LIMIT 1";
            using var r = pick.ExecuteReader();
            Assert.True(r.Read());
            var (sheet, c, b) = (r.GetInt64(0), r.GetString(1), r.GetString(2));
            (contest, batch) = (c, b);
            r.Close();
            using var change = db.CreateCommand();
            change.CommandText = $"UPDATE contest_results SET outcome = 'undervote', votes = '' WHERE sheet_id = {sheet} AND contest_id = '{c}'";
            Assert.Equal(1, change.ExecuteNonQuery());
        }

        var (code, text, _) = CliRunner.RunFor(TimeSpan.FromMinutes(10), "recount", "--store", copy, "--contest", contest, "--batch", batch);
        Assert.Equal(3, code);
        Assert.Contains($"{contest}: recorded undervote; now counted", text, StringComparison.Ordinal);
        Assert.Contains("tally:", text, StringComparison.Ordinal);
    }

    // RFC 4180 fields: quoted when they hold a comma or a quote.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static string Describe(IEnumerable<ContestTally> tallies) => string.Join('\n', tallies.Select(t =>
        $"{t.ContestId} {t.Ballots} [{string.Join(',', t.Options.Select(o => $"{o.OptionId}={o.Votes}"))}] w{t.WriteIns} u{t.Undervotes} o{t.Overvotes} n{t.NotValid} b{t.PendingBoard}"));
}
