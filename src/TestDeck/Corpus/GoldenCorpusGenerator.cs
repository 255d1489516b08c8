using System.Text.Json;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Election.Rules;
using CentralCount.Imaging;
using CentralCount.TestDeck.Marks;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Scanning;

namespace CentralCount.TestDeck.Corpus;

/// <summary>How to generate a corpus.</summary>
/// <param name="Sheets">How many physical sheets.</param>
/// <param name="Seed">The seed: the same seed gives the same files, byte for byte.</param>
/// <param name="Dpi">200 or 300.</param>
/// <param name="DefectShare">Fraction of sheets given a defect that must be rejected.</param>
/// <param name="TestBallots">Render as test ballots (the identity code says test).</param>
/// <param name="Directives">Per-sheet overrides (the curated set): sheet index → what that sheet must show.</param>
/// <param name="RefeedShare">Fraction of readable sheets fed through the scanner a second time, as after a jam: the same marked paper scanned again under other scanner settings, written right after the first feed as <c>sNNNNNNa-*</c>.</param>
public sealed record CorpusOptions(int Sheets, int Seed, int Dpi = 200, double DefectShare = 0, bool TestBallots = false, IReadOnlyDictionary<int, SheetDirective>? Directives = null, double RefeedShare = 0);

/// <summary>
/// What one sheet of a curated corpus must show: its style and sheet, scanner behaviour, a
/// defect, a front/back swap, and scenarios to force on the first contests where they apply.
/// </summary>
public sealed record SheetDirective(
    string StyleId,
    int SheetNumber,
    Func<ScanSettings, ScanSettings> Scan,
    ExpectedReject Defect,
    bool Swapped,
    IReadOnlyList<Scenario> Scenarios,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Votes = null);

/// <summary>
/// Generates golden ballots: renders sheets of the election, marks them per scenario, scans
/// them through the simulator, and writes the image files and a manifest of the truth.
/// Each sheet draws from its own random stream, so sheet i is the same whatever the corpus size.
/// </summary>
public sealed class GoldenCorpusGenerator : IDisposable
{
    private readonly ElectionDefinition _election;
    private readonly PixelMemoryPool _pool = new();
    private readonly BallotRenderer _renderer;
    private readonly ScannerSimulator _scanner;
    private readonly Dictionary<(string, int, PageSide, int, bool, string?), PixelImage> _templates = [];

    public GoldenCorpusGenerator(ElectionDefinition election)
    {
        _election = election ?? throw new ArgumentNullException(nameof(election));
        _renderer = new BallotRenderer(election, _pool);
        _scanner = new ScannerSimulator(_pool);
    }

    public CorpusManifest Generate(CorpusOptions options, string outputDirectory, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(outputDirectory);
        var sheets = new List<SheetTruth>(options.Sheets);
        for (var i = 0; i < options.Sheets; i++)
        {
            sheets.AddRange(GenerateSheet(options, i, outputDirectory));
            progress?.Report(i + 1);
        }

        var manifest = new CorpusManifest("centralcount-golden/1", _election.Id, _election.Hash.Hex, options.Seed, options.Dpi, sheets);
        File.WriteAllBytes(Path.Combine(outputDirectory, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(manifest, CorpusJsonContext.Default.CorpusManifest));
        return manifest;
    }

    private IEnumerable<SheetTruth> GenerateSheet(CorpusOptions options, int index, string outputDirectory)
    {
        var random = new Random(SheetSeed(options.Seed, index));
        var id = $"s{index:D6}";
        var directive = options.Directives?.GetValueOrDefault(index);
        var style = directive is null ? _election.BallotStyles[random.Next(_election.BallotStyles.Count)] : _election.FindStyle(directive.StyleId)!;
        var sheetNumber = directive?.SheetNumber ?? 1 + random.Next(style.Sheets.Count);
        // Printed for one of the precincts its style serves; drawn only when there are several, so
        // corpora of one-precinct styles come out as they always have.
        var precinct = style.PrecinctIds.Count > 1 ? style.PrecinctIds[random.Next(style.PrecinctIds.Count)] : null;
        var format = _election.PageFormat(style.PageFormatId);
        var defect = directive?.Defect ?? (random.NextDouble() < options.DefectShare
            ? (ExpectedReject)(1 + random.Next(4))
            : ExpectedReject.None);
        var settings = ScanSampler.InSpecification(random, format.Grid.Columns, format.Grid.Rows);
        // A second feed has a stream of its own, so corpora without refeeds come out as they always
        // have. It goes through the same scanner, so the file format stays: what a 1-bit scan can
        // show was planned for the first feed.
        var again = new Random(SheetSeed(options.Seed ^ 0x0FEED, index));
        var refeed = options.RefeedShare > 0 && directive is null && defect == ExpectedReject.None && again.NextDouble() < options.RefeedShare
            ? ScanSampler.InSpecification(again, format.Grid.Columns, format.Grid.Rows) with { Format = settings.Format, JpegQuality = settings.JpegQuality }
            : null;
        var refeedPages = new List<PageTruth>();
        settings = directive?.Scan(settings) ?? settings;
        var bilevel = settings.Format == ScanFormat.TiffG4;
        var swapped = directive?.Swapped ?? random.NextDouble() < 0.05;
        var forced = new List<Scenario>(directive?.Scenarios ?? []);
        var pages = new List<PageTruth>();
        ScanSettings? recorded = null;
        var contests = new List<ContestTruth>();
        foreach (var side in new[] { PageSide.Front, PageSide.Back })
        {
            var layout = style.Page(sheetNumber, side);
            using var page = Template(style, sheetNumber, side, options, defect == ExpectedReject.WrongElection, precinct).Clone();
            var geometry = _renderer.Geometry(style, options.Dpi);
            var canvas = new Canvas(page);
            var drawn = new List<DrawnPosition>();
            foreach (var box in layout.ContestBoxes)
            {
                var contest = _election.Contest(box.ContestId);
                var positions = layout.Positions.Where(p => p.ContestId == contest.Id).ToList();
                var scenario = ScenarioPlanner.Pick(contest, random, bilevel);
                var applicable = ScenarioPlanner.Applicable(contest, bilevel);
                var placeable = forced.Where(applicable.Contains).OrderBy(ScenarioPlanner.Rarity).ToList();
                if (placeable.Count > 0)
                {
                    // The rarest case first, so contests that alone can show it are not used up.
                    scenario = placeable[0];
                    forced.Remove(scenario);
                }
                else if (directive is not null)
                {
                    // Curated sheets keep every other contest plain, so each forced case stands alone.
                    scenario = random.Next(3) == 0 ? Scenario.Blank : Scenario.Clean;
                }

                var planned = directive?.Votes is { } votes
                    ? ScenarioPlanner.PlanVotes(contest, positions, votes.GetValueOrDefault(contest.Id, []), random)
                    : ScenarioPlanner.Plan(contest, positions, scenario, random);
                Paint(canvas, geometry, planned, random);
                drawn.AddRange(planned.Drawn);
                contests.Add(Truth(planned));
            }

            var stray = new List<string>();
            if (random.NextDouble() < 0.08)
            {
                // Stray ink in the heading band, away from every voting position.
                var at = geometry.Pixel(new GridPoint(14 + (random.NextDouble() * 10), 2 + (random.NextDouble() * 2)));
                MarkPainter.Stray(canvas, at, options.Dpi, Ink.BlackPen, random);
                stray.Add($"{at.X:F0},{at.Y:F0}");
            }

            // A streak is placed through an oval's column as the (unskewed, upright) scan shows it.
            var upright = new PageWarp(geometry.WidthPx, geometry.HeightPx, settings with { UpsideDown = false, SkewDegrees = 0 });
            var pageSettings = defect == ExpectedReject.None || defect == ExpectedReject.WrongElection
                ? settings
                : ScanSampler.WithDefect(settings, defect, random, format.Grid.Columns, format.Grid.Rows,
                    [.. layout.Positions.Select(p => (int)Math.Round(upright.Forward(geometry.Pixel(p.Center)).X))]);
            var scan = _scanner.Scan(page, pageSettings, random, mark => geometry.Pixels(MarkRect(format, mark)));
            var fileSide = (side == PageSide.Front) != swapped ? "front" : "back";
            var file = $"{id}-{fileSide}.{Extension(pageSettings.Format)}";
            File.WriteAllBytes(Path.Combine(outputDirectory, file), scan.Bytes);
            pages.Add(new PageTruth(side == PageSide.Front ? "front" : "back", file,
                [.. drawn.Select(d => PositionTruth(d, scan.Warp.Forward(geometry.Pixel(d.Position.Center))))], stray));
            recorded ??= pageSettings;
            if (refeed is not null)
            {
                var second = _scanner.Scan(page, refeed, again, mark => geometry.Pixels(MarkRect(format, mark)));
                var secondFile = $"{id}a-{fileSide}.{Extension(refeed.Format)}";
                File.WriteAllBytes(Path.Combine(outputDirectory, secondFile), second.Bytes);
                refeedPages.Add(new PageTruth(side == PageSide.Front ? "front" : "back", secondFile,
                    [.. drawn.Select(d => PositionTruth(d, second.Warp.Forward(geometry.Pixel(d.Position.Center))))], stray));
            }
        }

        if (forced.Count > 0)
        {
            throw new InvalidOperationException($"sheet {id}: no contest of style {style.Id} sheet {sheetNumber} could show {string.Join(", ", forced)}");
        }

        var sheet = new SheetTruth(id, style.Id, sheetNumber, options.TestBallots, swapped, Name(defect), ScanTruthOf(recorded!), pages, contests, precinct);
        return refeed is null
            ? [sheet]
            : [sheet, sheet with { Id = id + "a", Scan = ScanTruthOf(refeed), Pages = refeedPages, RefeedOf = id }];
    }

    // HashCode is randomised per process, so sheet streams are mixed with SplitMix64 instead:
    // the same seed must give the same files on every run and every machine.
    private static int SheetSeed(int seed, int index)
    {
        var z = ((ulong)(uint)seed << 32) + (ulong)index + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    private PixelImage Template(BallotStyle style, int sheet, PageSide side, CorpusOptions options, bool foreign, string? precinct)
    {
        var key = (style.Id, sheet, side, options.Dpi, foreign, precinct);
        if (!_templates.TryGetValue(key, out var template))
        {
            var renderer = foreign
                ? new BallotRenderer(_election with { Hash = ElectionHash.Of("another election"u8) }, _pool)
                : _renderer;
            template = renderer.Render(style, sheet, side, new RenderOptions(options.Dpi, options.TestBallots, Precinct: precinct));
            _templates[key] = template;
        }

        return template;
    }

    private static GridRect MarkRect(PageFormat format, (int Column, int Row) mark)
    {
        var grid = format.Grid;
        var halfW = grid.MarkWidthInches / grid.ColumnPitchInches / 2;
        var halfH = grid.MarkHeightInches / grid.RowPitchInches / 2;
        return new GridRect(mark.Column - halfW, mark.Row - halfH, mark.Column + halfW, mark.Row + halfH);
    }

    private static void Paint(Canvas canvas, TemplateGeometry geometry, PlannedContest planned, Random random)
    {
        foreach (var drawn in planned.Drawn)
        {
            var p = drawn.Position;
            var target = new MarkTarget(geometry.Pixel(p.Center), geometry.Px(geometry.Format.BubbleWidthInches), geometry.Px(geometry.Format.BubbleHeightInches),
                p.LabelArea is { } l ? geometry.Pixels(l) : null, p.WriteInArea is { } w ? geometry.Pixels(w) : null, geometry.Dpi);
            foreach (var mark in drawn.Marks)
            {
                var ink = Ink.All.First(i => i.Name == mark.Ink).WithPressure(mark.Pressure);
                MarkPainter.Paint(canvas, target, mark.Kind, ink, random, mark.Text);
            }
        }
    }

    private static ContestTruth Truth(PlannedContest planned)
    {
        var e = planned.Expected;
        return new ContestTruth(planned.Contest.Id, planned.Scenario.ToString(), e.Kind.Name(), e.Votes, e.Clause?.Id,
            e.Suggestion is { } s ? s.Kind.Name() : null, e.Suggestion?.Votes);
    }

    private static PositionTruth PositionTruth(DrawnPosition d, PointF center) =>
        new(d.Position.ContestId, d.Position.OptionId, d.Position.WriteInIndex, new PointTruth(Math.Round(center.X, 3), Math.Round(center.Y, 3)),
            [.. d.Marks.Select(m => new MarkTruth(m.Kind.ToString(), m.Ink, m.Text, m.Pressure))],
            d.Written == WrittenKind.None ? null : d.Written.ToString(), d.WrittenText, d.WrittenFor);

    private static ScanTruth ScanTruthOf(ScanSettings s) =>
        new(s.Format.ToString(), Math.Round(s.SkewDegrees, 4), Math.Round(s.Scale, 5), Math.Round(s.ShiftXPx, 2), Math.Round(s.ShiftYPx, 2),
            Math.Round(s.FeedStretch, 5), s.UpsideDown, Math.Round(s.BlurSigma, 3), Math.Round(s.Noise, 3), s.JpegQuality, s.Folds,
            s.BorderPx, s.Background, s.MissingMarks.Count, s.StreakColumns, Math.Round(s.KeepHeight, 4));

    private static string Name(ExpectedReject defect) => defect switch
    {
        ExpectedReject.None => "none",
        ExpectedReject.MissingTimingMarks => "missing-timing-marks",
        ExpectedReject.StreakThroughPositions => "streak-through-positions",
        ExpectedReject.HalfPage => "half-page",
        ExpectedReject.WrongElection => "wrong-election",
        _ => defect.ToString(),
    };

    private static string Extension(ScanFormat format) => format switch
    {
        ScanFormat.Png => "png",
        ScanFormat.TiffG4 => "tif",
        _ => "jpg",
    };

    public void Dispose()
    {
        foreach (var template in _templates.Values)
        {
            template.Dispose();
        }

        _templates.Clear();
        _pool.Dispose();
    }
}
