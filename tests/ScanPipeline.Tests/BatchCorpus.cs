using CentralCount.Election;
using CentralCount.Election.Loading;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Store;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Samples;

namespace CentralCount.ScanPipeline.Tests;

/// <summary>A small golden batch made once for the pipeline tests, and helpers to scan folders into fresh stores.</summary>
public sealed class BatchCorpus : IDisposable
{
    public BatchCorpus()
        : this(BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent()), 10, 31)
    {
    }

    private BatchCorpus(ElectionDefinition election, int sheets, int seed)
    {
        Election = election;
        Root = Directory.CreateTempSubdirectory("pipeline").FullName;
        Folder = Path.Combine(Root, "batch");
        using var generator = new GoldenCorpusGenerator(Election);
        Manifest = generator.Generate(new CorpusOptions(sheets, seed), Folder);
        References = RenderedBlankPages.References(Election);
    }

    /// <summary>A golden batch of another election.</summary>
    public static BatchCorpus For(ElectionDefinition election, int sheets, int seed) => new(election, sheets, seed);

    public ElectionDefinition Election { get; }

    public string Root { get; }

    public string Folder { get; }

    public CorpusManifest Manifest { get; }

    public BallotReferences References { get; }

    public int ReadableSheets => Manifest.Sheets.Count(s => s.ExpectedReject == "none");

    /// <summary>A copy of the batch folder (images only) to change for one test.</summary>
    public string CopyBatch(string name)
    {
        var copy = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(Folder).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)))
        {
            File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        }

        return copy;
    }

    /// <summary>A fresh batch of this election in a folder of its own, with the given sheets forced to show what their directives say.</summary>
    public string Generate(string name, int sheets, int seed, IReadOnlyDictionary<int, SheetDirective> directives) =>
        Generate(name, new CorpusOptions(sheets, seed, Directives: directives)).Folder;

    /// <summary>A fresh batch of this election in a folder of its own, and its manifest.</summary>
    public (string Folder, CorpusManifest Manifest) Generate(string name, CorpusOptions options)
    {
        var folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        using var generator = new GoldenCorpusGenerator(Election);
        return (folder, generator.Generate(options, folder));
    }

    public CountStore NewStore(string? folder = null)
    {
        var dir = folder ?? Path.Combine(Root, "store-" + Guid.NewGuid().ToString("N")[..8]);
        var store = CountStore.Open(Path.Combine(dir, "count.db"));
        store.LoadElection(ElectionWriter.Write(Election), "montana-general-2026.json");
        return store;
    }

    public async Task<ScanProgress> ScanAsync(CountStore store, string folder, string batchId, PixelMemoryPool pool, KeptImages? images = null)
    {
        var registrar = new PageRegistrar(Election);
        var scan = new ScanBatch(store, () => new ReadSheet(Election, registrar, new InterpretSheet(References), pool), 2) { Images = images ?? new KeptImages(store.ImagesFolder) };
        return await scan.RunAsync(folder, new BatchInfo(batchId, "station-1", null, null, folder), null, CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(Root, true);
}
