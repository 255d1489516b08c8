using System.Globalization;
using System.Text;
using CentralCount.Election.VxSuite;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.ScanPipeline.Ingest;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Reconciliation;
using CentralCount.ScanPipeline.Store;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Rendering;
using CentralCount.Tests;

namespace CentralCount.ScanPipeline.Tests;

/// <summary>A sheet fed through the scanner twice is found by its marks, though its files are new.</summary>
public sealed class AlikeSheetsTests(BatchCorpus corpus) : IClassFixture<BatchCorpus>, IDisposable
{
    private readonly PixelMemoryPool _pool = new();

    [Fact]
    public async Task The_same_real_sheet_fed_twice_reads_alike_and_another_voters_sheet_does_not()
    {
        // The Hudson sheet fed right way up and fed again upside down; an unmarked sheet; and
        // another sheet of the same ballot marked by another hand (the 300-DPI scan).
        var hudson = VxSuiteImporter.ImportFile(TestPaths.Hudson("election.json"));
        var reader = new ReadSheet(hudson, new PageRegistrar(hudson), new InterpretSheet(RenderedBlankPages.References(hudson)), _pool);
        (string Front, string Back)[] files =
        [
            ("scan-marked-front.jpeg", "scan-marked-back.jpeg"),
            ("scan-marked-rotated-front.jpeg", "scan-marked-rotated-back.jpeg"),
            ("scan-unmarked-front.jpeg", "scan-unmarked-back.jpeg"),
            ("scan-marked-front-300dpi.jpeg", "scan-marked-back-300dpi.jpeg"),
        ];
        var sheets = new List<(SheetReference, string?, string)>();
        for (var i = 0; i < files.Length; i++)
        {
            using var raw = RawSheet.Read(i, new SheetFiles(i + 1, TestPaths.Hudson(files[i].Front), TestPaths.Hudson(files[i].Back)));
            var record = reader.Read(raw, "b1");
            Assert.Equal(SheetStatus.Counted, record.Status);
            sheets.Add((new SheetReference("b1", i + 1, files[i].Front), record.StyleId, record.Reading!));
        }

        var alike = Assert.Single(FindAlikeSheets.In(sheets));
        Assert.Equal((1, 2), (alike.First.Seq, alike.Second.Seq));
        Assert.Equal(75, alike.Marks);
        Assert.True(alike.LargestFillDifference < 0.05);
    }

    [Fact]
    public async Task Sheets_fed_twice_in_a_fresh_corpus_are_found_and_no_sheet_fed_once_is_named()
    {
        // Every fourth sheet or so is fed again under other scanner settings (another skew,
        // noise, sometimes another file format), as after a jam.
        var (folder, manifest) = corpus.Generate("refeeds", new CorpusOptions(60, 4242, RefeedShare: 0.25));
        var fedTwice = manifest.Sheets.Where(s => s.RefeedOf is not null).Select(s => s.RefeedOf!).ToHashSet();
        Assert.True(fedTwice.Count >= 5);
        using var store = corpus.NewStore();
        await corpus.ScanAsync(store, folder, "b1", _pool);
        var alike = FindAlikeSheets.In(store.CountedReadings());
        Assert.NotEmpty(alike);
        Assert.All(alike, pair =>
        {
            var first = pair.First.FrontFile.Split('-')[0];
            Assert.Contains(first, fedTwice);
            Assert.Equal(first + "a", pair.Second.FrontFile.Split('-')[0]);
        });
    }

    [Fact]
    public void Sheets_alike_within_the_tolerance_are_paired_and_others_are_not()
    {
        double[] fills = [0.31, 0.52, 0.18, 1.0];
        var one = Sheet(1, "s1", fills);
        Assert.Single(FindAlikeSheets.In([one, Sheet(2, "s1", [0.34, 0.50, 0.21, 0.98])]));
        // One mark 0.06 apart: two voters.
        Assert.Empty(FindAlikeSheets.In([one, Sheet(2, "s1", [0.31, 0.58, 0.18, 1.0])]));
        // Another style, or another position marked: never one sheet.
        Assert.Empty(FindAlikeSheets.In([one, Sheet(2, "s2", fills)]));
        Assert.Empty(FindAlikeSheets.In([one, Sheet(2, "s1", [0.31, 0.52, 0.18, 1.0, 0.4])]));
        // Solid fills alone say nothing about the hand: two partial marks are not enough.
        Assert.Empty(FindAlikeSheets.In([Sheet(1, "s1", [0.95, 0.31, 0.52, 1.0]), Sheet(2, "s1", [0.95, 0.31, 0.52, 1.0])]));
    }

    private static (SheetReference, string?, string) Sheet(int seq, string style, double[] fills)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < 6; i++)
        {
            var fill = i < fills.Length ? fills[i] : 0.003;
            json.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : string.Empty)}{{\"contestId\":\"c{i}\",\"optionId\":\"o{i}\",\"markClass\":\"x\",\"fill\":{fill},\"x\":0,\"y\":0}}");
        }

        return (new SheetReference("b1", seq, $"s{seq}-front.jpg"), style, json.Append(']').ToString());
    }

    public void Dispose() => _pool.Dispose();
}
