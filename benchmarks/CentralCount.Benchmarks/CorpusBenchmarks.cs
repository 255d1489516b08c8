using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Samples;
using CentralCount.TestDeck.Scanning;

namespace CentralCount.Benchmarks;

/// <summary>Pinned to one core: the figure the corpus budget is stated in.</summary>
public sealed class OneCoreConfig : ManualConfig
{
    public OneCoreConfig() => AddJob(Job.Default.WithAffinity(1).WithWarmupCount(2).WithIterationCount(10).WithLaunchCount(1));
}

/// <summary>
/// Cost of making golden ballots at 200 DPI on one core: rendering a page from scratch, and a
/// whole corpus sheet (two pages marked, scanned and written) with templates cached.
/// </summary>
[Config(typeof(OneCoreConfig))]
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private ElectionDefinition _election = null!;
    private PixelMemoryPool _pool = null!;
    private BallotRenderer _renderer = null!;
    private ScannerSimulator _scanner = null!;
    private GoldenCorpusGenerator _generator = null!;
    private PixelImage _page = null!;
    private string _output = null!;
    private int _seed;

    [GlobalSetup]
    public void Setup()
    {
        _election = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
        _pool = new PixelMemoryPool();
        _renderer = new BallotRenderer(_election, _pool);
        _scanner = new ScannerSimulator(_pool);
        _page = _renderer.Render(_election.BallotStyles[0], 1, PageSide.Front, new RenderOptions());
        _generator = new GoldenCorpusGenerator(_election);
        _output = Directory.CreateTempSubdirectory("cc-bench").FullName;
        _generator.Generate(new CorpusOptions(20, 99), _output);
    }

    [Benchmark(Description = "render one page (no cache)")]
    public int RenderPage()
    {
        using var page = _renderer.Render(_election.BallotStyles[1], 1, PageSide.Front, new RenderOptions());
        return page.Width;
    }

    [Benchmark(Description = "scan one page (in-spec JPEG)")]
    public int ScanPage()
    {
        var random = new Random(_seed++);
        var settings = ScanSampler.InSpecification(random, 34, 55, allowBilevel: false);
        return _scanner.Scan(_page, settings, random).Bytes.Length;
    }

    [Benchmark(Description = "corpus: 10 sheets = 20 pages", OperationsPerInvoke = 20)]
    public int CorpusPages() => _generator.Generate(new CorpusOptions(10, _seed++), _output).Sheets.Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _page.Dispose();
        _generator.Dispose();
        _pool.Dispose();
        Directory.Delete(_output, recursive: true);
    }
}
