using BenchmarkDotNet.Attributes;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Samples;
using CentralCount.TestDeck.Scanning;

namespace CentralCount.Benchmarks;

/// <summary>
/// Registration of one decoded 200-DPI legal page on one core, whole and by stage: the
/// timing-mark border, identification (QR code), and locating every printed oval.
/// </summary>
[Config(typeof(OneCoreConfig))]
[MemoryDiagnoser]
public class RegistrationBenchmarks
{
    private ElectionDefinition _election = null!;
    private PixelMemoryPool _pool = null!;
    private PixelImage _page = null!;
    private PageRegistrar _registrar = null!;
    private TimingMarkBorder _border = null!;
    private PageGeometry _geometry = null!;
    private IdentityCodebook _codebook = null!;
    private double _ppi;

    [GlobalSetup]
    public void Setup()
    {
        _election = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
        _pool = new PixelMemoryPool();
        using var rendered = new BallotRenderer(_election, _pool).Render(_election.BallotStyles[0], 1, PageSide.Front, new RenderOptions());
        var scan = new ScannerSimulator(_pool).Scan(rendered, new ScanSettings { SkewDegrees = 1.2, Noise = 3, Format = ScanFormat.Jpeg, JpegQuality = 85 }, new Random(1));
        _page = new ImageDecoder(_pool).DecodeGray(scan.Bytes, "page.jpg");
        _registrar = new PageRegistrar(_election);
        var search = TimingMarkFinder.Find(_page, _election.PageFormats[0], RegistrationSettings.Default);
        _border = search.Border!;
        _ppi = search.PixelsPerInch;
        _geometry = new PageGeometry(_border, _election.PageFormats[0].Grid, false, _ppi);
        _codebook = IdentityCodebook.For(_election, _election.PageFormats[0])!;
    }

    [Benchmark(Description = "register page (all stages)")]
    public bool Register() => _registrar.Register(_page).IsRead;

    [Benchmark(Description = "timing-mark border")]
    public int Border() => TimingMarkFinder.Find(_page, _election.PageFormats[0], RegistrationSettings.Default).Border!.Found;

    [Benchmark(Description = "identify (QR code matched against the election's codes)")]
    public bool Identify() => PageIdentifier.Identify(_page, _election, _election.PageFormats[0], _border, _ppi, RegistrationSettings.Default, _codebook).Identity is not null;

    [Benchmark(Description = "identify (QR code searched for and decoded by zbar)")]
    public bool IdentifyAnyCode() => PageIdentifier.Identify(_page, _election, _election.PageFormats[0], _border, _ppi, RegistrationSettings.Default, codebook: null).Identity is not null;

    [Benchmark(Description = "locate ovals")]
    public int Ovals() => OvalLocator.Locate(_page, _geometry, _election.PageFormats[0], _election.BallotStyles[0].Page(1, PageSide.Front)).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _page.Dispose();
        _pool.Dispose();
    }
}
