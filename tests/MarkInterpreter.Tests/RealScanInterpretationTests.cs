using System.Text.Json;
using CentralCount.Election;
using CentralCount.Election.Rules;
using CentralCount.Election.VxSuite;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.Tests;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>
/// The real hand-marked Hudson sheet: every one of its 75 deliberate marks is read as an
/// indication or sent to the board, never as empty; the unmarked sheet reads empty; the same
/// sheet fed upside down reads the same; the 300-DPI sheet (marked differently, one choice per
/// contest) shows marks exactly where VxSuite counted votes.
/// </summary>
public sealed class RealScanInterpretationTests : IDisposable
{
    private static readonly ElectionDefinition Hudson = VxSuiteImporter.ImportFile(TestPaths.Hudson("election.json"));
    private static readonly string[] SeveralMarksClauses = ["2402(2)(b)", "2402(2)(c)", "2402(2)(d)", "2402(2)(e)", "2402(2)(g)"];
    private readonly PixelMemoryPool _pool = new();
    private readonly InterpretSheet _interpreter = new(new BallotReferences(Hudson));

    [Fact]
    public void Every_mark_on_the_marked_sheet_is_an_indication_or_a_board_item_never_empty()
    {
        var sheet = Read("scan-marked-front.jpeg", "scan-marked-back.jpeg");
        var positions = sheet.Pages.SelectMany(p => p.Positions).ToList();
        Assert.Equal(75, positions.Count);
        Assert.All(positions, p => Assert.True(p.Mark.Class != MarkClass.Empty, $"{p.Located.Position} read as empty"));
        foreach (var contest in sheet.Contests)
        {
            // Every contest here holds marks other than clean fills, more than allowed: the board
            // decides, under the clause for several marks of which some are not fills.
            Assert.Equal(OutcomeKind.Board, contest.Outcome.Kind);
            Assert.Contains(contest.Outcome.Clause!.Id, SeveralMarksClauses);
        }
    }

    [Fact]
    public void The_unmarked_sheet_reads_empty_everywhere()
    {
        var sheet = Read("scan-unmarked-front.jpeg", "scan-unmarked-back.jpeg");
        Assert.All(sheet.Pages.SelectMany(p => p.Positions), p => Assert.Equal(MarkClass.Empty, p.Mark.Class));
        Assert.All(sheet.Contests, c => Assert.Equal(OutcomeKind.Undervote, c.Outcome.Kind));
    }

    [Fact]
    public void The_sheet_fed_upside_down_reads_the_same()
    {
        var upright = Read("scan-marked-front.jpeg", "scan-marked-back.jpeg");
        var rotated = Read("scan-marked-rotated-front.jpeg", "scan-marked-rotated-back.jpeg");
        var a = upright.Pages.SelectMany(p => p.Positions).ToDictionary(p => p.Located.Position, p => Indication(p.Mark.Class));
        var b = rotated.Pages.SelectMany(p => p.Positions).ToDictionary(p => p.Located.Position, p => Indication(p.Mark.Class));
        Assert.Equal(a.Count, b.Count);
        Assert.All(a, kv => Assert.True(b[kv.Key] == kv.Value, $"{kv.Key}: {kv.Value} upright, {b[kv.Key]} upside down"));
        Assert.Equal(upright.Contests.Select(c => c.Outcome), rotated.Contests.Select(c => c.Outcome));
    }

    [Fact]
    public void The_300_dpi_sheet_shows_marks_exactly_where_vxsuite_counted_votes()
    {
        var sheet = Read("scan-marked-front-300dpi.jpeg", "scan-marked-back-300dpi.jpeg");
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Hudson("reference-interpretation.json")));
        var votes = doc.RootElement.GetProperty("scan-marked-300dpi (front+back votes)").GetProperty("votes").EnumerateObject()
            .SelectMany(c => c.Value.EnumerateArray().Select(o => (Contest: c.Name, Option: o.GetString()))).ToHashSet();
        var front = sheet.Pages.Single(p => p.Identity.Side == Election.Layout.PageSide.Front).Positions;
        Assert.All(front, p =>
        {
            var voted = votes.Contains((p.Located.Position.ContestId, p.Located.Position.OptionId));
            Assert.True(voted == (p.Mark.Class != MarkClass.Empty), $"{p.Located.Position}: {p.Mark.Class}, VxSuite {(voted ? "counted a vote" : "saw none")}");
        });
    }

    public void Dispose() => _pool.Dispose();

    // The reading that must not change between scans: a vote, no vote, or a question for the board.
    private static string Indication(MarkClass c) => c switch
    {
        MarkClass.Filled => "vote",
        MarkClass.Empty => "none",
        _ => "marked",
    };

    private SheetInterpretation Read(string front, string back)
    {
        var decoder = new ImageDecoder(_pool);
        var registrar = new PageRegistrar(Hudson);
        var pages = new List<PageInterpretation>();
        foreach (var file in new[] { front, back })
        {
            using var image = decoder.DecodeGrayFile(TestPaths.Hudson(file));
            var registration = registrar.Register(image);
            Assert.True(registration.IsRead, $"{file}: {registration.Reject}");
            pages.Add(_interpreter.Page(image, registration));
        }

        return _interpreter.Sheet(pages);
    }
}
