using BenchmarkDotNet.Attributes;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Samples;

namespace CentralCount.Benchmarks;

/// <summary>
/// Interpretation of one registered 200-DPI legal page on one core: evidence at every position,
/// mark classes, and the contest rules. The page is a golden-corpus front with voter marks of
/// every kind; the blank references are built once, before measuring, as in a count.
/// </summary>
[Config(typeof(OneCoreConfig))]
[MemoryDiagnoser]
public class InterpretationBenchmarks
{
    private PixelMemoryPool _pool = null!;
    private PixelImage _page = null!;
    private PageRegistration _registration = null!;
    private InterpretSheet _interpreter = null!;

    [GlobalSetup]
    public void Setup()
    {
        var election = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
        var dir = Directory.CreateTempSubdirectory("interpretation-benchmark");
        try
        {
            using (var generator = new GoldenCorpusGenerator(election))
            {
                generator.Generate(new CorpusOptions(1, 5, Directives: new Dictionary<int, SheetDirective>
                {
                    [0] = new(election.BallotStyles[0].Id, 1, s => s with { UpsideDown = false, Format = TestDeck.Scanning.ScanFormat.Jpeg }, ExpectedReject.None, false,
                        [Scenario.Clean, Scenario.Clean, Scenario.MixedInstruments, Scenario.Erasure, Scenario.CircledOrChecked, Scenario.ConnectiveLine, Scenario.WordInstead, Scenario.OutsideNear]),
                }), dir.FullName);
            }

            _pool = new PixelMemoryPool();
            _page = new ImageDecoder(_pool).DecodeGrayFile(Directory.GetFiles(dir.FullName, "*-front.jpg").Single());
        }
        finally
        {
            dir.Delete(true);
        }

        _registration = new PageRegistrar(election).Register(_page);
        _interpreter = new InterpretSheet(RenderedBlankPages.References(election));
        _interpreter.Page(_page, _registration);
    }

    [Benchmark(Description = "interpret page (evidence, classes)")]
    public int Interpret() => _interpreter.Page(_page, _registration).Positions.Count;

    [Benchmark(Description = "interpret page and apply contest rules")]
    public int InterpretAndRules() => _interpreter.Sheet([_interpreter.Page(_page, _registration)]).Contests.Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _page.Dispose();
        _pool.Dispose();
    }
}
