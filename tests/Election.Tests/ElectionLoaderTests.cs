using System.Text;
using System.Text.Json.Nodes;
using CentralCount.Election.Layout;
using CentralCount.Election.Loading;

namespace CentralCount.Election.Tests;

public sealed class ElectionLoaderTests
{
    private static readonly string MinimalPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "minimal-election.json");

    [Fact]
    public void Valid_definition_loads_with_everything_in_place()
    {
        var election = ElectionLoader.LoadFile(MinimalPath);
        Assert.Equal("mt-test-2026", election.Id);
        Assert.Equal(new DateOnly(2026, 11, 3), election.Date);
        Assert.Equal(ElectionKind.General, election.Kind);
        var governor = Assert.IsType<CandidateContest>(election.Contest("governor"));
        Assert.Equal(1, governor.WriteInSlots);
        Assert.Equal(["C. Cole", "Chuck Cole"], governor.DeclaredWriteIns.Single().Designations);
        Assert.Equal(2, election.Contest("commission").VoteFor);
        Assert.Equal(MeasureKind.Retention, Assert.IsType<MeasureContest>(election.Contest("retain-gray")).Kind);
        var style = election.FindStyle("style-1")!;
        Assert.Equal(2, style.PageCount);
        var writeIn = style.Page(1, PageSide.Front).Positions.Single(p => p.IsWriteIn);
        Assert.Equal(new GridRect(2.5, 7.2, 11.5, 8.4), writeIn.WriteInArea);
    }

    [Fact]
    public void Hash_is_sha256_of_the_bytes_and_stable()
    {
        var bytes = File.ReadAllBytes(MinimalPath);
        var a = ElectionLoader.Load(bytes, "a");
        var b = ElectionLoader.Load(bytes, "b");
        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), a.Hash.Hex);
        var changed = ElectionLoader.Load(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("Ann Adams", "Ann Adamz", StringComparison.Ordinal)), "c");
        Assert.NotEqual(a.Hash, changed.Hash);
        Assert.Equal(12, a.Hash.Prefix.Length);
    }

    public static TheoryData<string, string, string> Malformed() => new()
    {
        // name, JSON path of the problem, words the message must contain
        { "missing-contest", "$.ballotStyles[0].contests[4]", "unknown contest \"mayor\"" },
        { "duplicate-contest-id", "$.contests[1].id", "duplicate contest id \"governor\"" },
        { "position-off-page", "$.ballotStyles[0].sheets[0].front.positions[0].at", "off the 8.5 x 11 inch page" },
        { "vote-for-zero", "$.contests[1].voteFor", "must be at least 1" },
        { "write-in-without-area", "$.ballotStyles[0].sheets[0].front.positions[2].writeInArea", "needs the area where the voter writes" },
        { "unknown-party", "$.contests[0].candidates[1].parties[0]", "unknown party \"lib\"" },
        { "unknown-precinct", "$.ballotStyles[0].precincts[2]", "unknown precinct \"p9\"" },
        { "unknown-option", "$.ballotStyles[0].sheets[0].front.positions[1].option", "has no option \"g-zed\"" },
        { "option-not-printed", "$.ballotStyles[0].sheets", "option \"c-ford\" of contest \"commission\" is printed 0 times" },
        { "overlapping-ovals", "$.ballotStyles[0].sheets[0].front.positions[1]", "overlaps" },
        { "bad-date", "$.date", "is not a date" },
        { "missing-title", "$.title", "missing" },
        { "write-in-slot-out-of-range", "$.ballotStyles[0].sheets[0].front.positions[2].writeIn", "there is no slot 3" },
        { "wrong-type", "$.contests[0].voteFor", "not valid JSON" },
        { "threshold-out-of-range", "$.interpretation.thresholds.filledCoverage", "is not a fraction between 0 and 1" },
        { "clause-not-automatable", "$.interpretation.automaticClauses[0]", "cannot be applied without the board" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_definition_gives_one_clear_error_naming_its_path(string name, string path, string words)
    {
        var json = JsonNode.Parse(File.ReadAllText(MinimalPath))!;
        Break(name, json);
        var error = Assert.Throws<ElectionDefinitionException>(() => ElectionLoader.Load(Encoding.UTF8.GetBytes(json.ToJsonString()), name + ".json"));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
        Assert.Contains(name + ".json", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpretation_settings_load_with_defaults_for_what_is_left_out()
    {
        var json = JsonNode.Parse(File.ReadAllText(MinimalPath))!;
        json["interpretation"] = new JsonObject
        {
            ["thresholds"] = new JsonObject { ["filledCoverage"] = 0.7 },
            ["automaticClauses"] = new JsonArray("2402(2)(b)"),
        };
        var election = ElectionLoader.Load(Encoding.UTF8.GetBytes(json.ToJsonString()), "settings.json");
        Assert.Equal(0.7, election.Interpretation.Thresholds.FilledCoverage);
        Assert.Equal(Rules.MarkThresholds.Default.InkDarkness, election.Interpretation.Thresholds.InkDarkness);
        Assert.True(election.Interpretation.IsAutomatic(Rules.MontanaRules.HeavyMarks));
        Assert.False(election.Interpretation.IsAutomatic(Rules.MontanaRules.UnclearOvervote));
        Assert.Empty(ElectionLoader.Load(File.ReadAllBytes(MinimalPath), "minimal.json").Interpretation.AutomaticClauses);
        var again = ElectionLoader.Load(ElectionWriter.Write(election), "written.json");
        Assert.Equal(election.Interpretation.Thresholds, again.Interpretation.Thresholds);
        Assert.Equal(election.Interpretation.AutomaticClauses.Order(), again.Interpretation.AutomaticClauses.Order());
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var json = JsonNode.Parse(File.ReadAllText(MinimalPath))!;
        Break("vote-for-zero", json);
        Break("unknown-precinct", json);
        Break("bad-date", json);
        var error = Assert.Throws<ElectionDefinitionException>(() => ElectionLoader.Load(Encoding.UTF8.GetBytes(json.ToJsonString()), "x.json"));
        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public void Syntax_error_reports_line()
    {
        var error = Assert.Throws<ElectionDefinitionException>(() => ElectionLoader.Load("{\n \"id\": \"x\",\n \"title\" \"oops\"\n}"u8, "broken.json"));
        Assert.Contains("line 3", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    private static void Break(string name, JsonNode json)
    {
        var front = json["ballotStyles"]![0]!["sheets"]![0]!["front"]!["positions"]!;
        switch (name)
        {
            case "missing-contest": json["ballotStyles"]![0]!["contests"]!.AsArray().Add("mayor"); break;
            case "duplicate-contest-id":
                json["contests"]![1]!["id"] = "governor";
                json["ballotStyles"]![0]!["contests"]!.AsArray().RemoveAt(1);
                json["ballotStyles"]![0]!["sheets"]![0]!["front"]!["contestBoxes"]!.AsArray().RemoveAt(1);
                for (var i = 0; i < 3; i++)
                {
                    front.AsArray().RemoveAt(3);
                }

                break;
            case "position-off-page": front[0]!["at"] = new JsonObject { ["column"] = -3, ["row"] = 5 }; break;
            case "vote-for-zero": json["contests"]![1]!["voteFor"] = 0; break;
            case "write-in-without-area": front[2]!.AsObject().Remove("writeInArea"); break;
            case "unknown-party": json["contests"]![0]!["candidates"]![1]!["parties"] = new JsonArray("lib"); break;
            case "unknown-precinct": json["ballotStyles"]![0]!["precincts"]!.AsArray().Add("p9"); break;
            case "unknown-option": front[1]!["option"] = "g-zed"; json["contests"]![0]!["candidates"]!.AsArray().RemoveAt(1); break;
            case "option-not-printed": front.AsArray().RemoveAt(5); break;
            case "overlapping-ovals": front[1]!["at"] = new JsonObject { ["column"] = 2.1, ["row"] = 5.1 }; break;
            case "bad-date": json["date"] = "11/03/2026"; break;
            case "missing-title": json.AsObject().Remove("title"); break;
            case "write-in-slot-out-of-range": front[2]!["writeIn"] = 3; break;
            case "wrong-type": json["contests"]![0]!["voteFor"] = "one"; break;
            case "threshold-out-of-range": json["interpretation"] = new JsonObject { ["thresholds"] = new JsonObject { ["filledCoverage"] = 1.5 } }; break;
            case "clause-not-automatable": json["interpretation"] = new JsonObject { ["automaticClauses"] = new JsonArray("2402(2)(e)") }; break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }
}
