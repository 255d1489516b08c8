using CentralCount.Adjudication.Accounts;
using CentralCount.Adjudication.Store;
using CentralCount.Adjudication.Web;
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
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CentralCount.Adjudication.Tests;

/// <summary>
/// A fresh seeded batch scanned into a new store, served by the board service on a free loopback
/// port. Tests make their own accounts and boards, so they never take each other's items.
/// </summary>
public sealed class BoardServer : IAsyncLifetime
{
    public const int Iterations = 1_000;
    public const string Password = "correct-horse-42";

    private WebApplication? _app;

    public string Root { get; } = Directory.CreateTempSubdirectory("board").FullName;

    public string StorePath => Path.Combine(Root, "store", "count.db");

    public ElectionDefinition Election { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public BoardDatabase Database { get; private set; } = null!;

    public AccountStore Accounts { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Election = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
        var folder = Path.Combine(Root, "batch");
        using (var generator = new GoldenCorpusGenerator(Election))
        {
            generator.Generate(new CorpusOptions(24, 2611), folder);
        }

        using (var store = CountStore.Open(StorePath))
        {
            store.LoadElection(ElectionWriter.Write(Election), "montana-general-2026.json");
            var registrar = new PageRegistrar(Election);
            var references = RenderedBlankPages.References(Election);
            using var pool = new PixelMemoryPool();
            var scan = new ScanBatch(store, () => new ReadSheet(Election, registrar, new InterpretSheet(references), pool), 2);
            await scan.RunAsync(folder, new BatchInfo("b1", "station-1", null, null, folder), null, CancellationToken.None);
        }

        Database = BoardDatabase.Open(StorePath);
        Accounts = new AccountStore(Database, Iterations);
        Accounts.Create("clerk", "Pat Clerk", Role.Administrator, Password, "test");
        _app = AdjudicationServer.Build(new ServerOptions(StorePath, "127.0.0.1", 0) { PasswordIterations = Iterations });
        await _app.StartAsync();
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(bound);
    }

    /// <summary>A new board of fresh members (names made unique with <paramref name="prefix"/>).</summary>
    public IReadOnlyList<string> NewBoard(string prefix, int size = 3)
    {
        var members = Enumerable.Range(1, size).Select(i => $"{prefix}{i}").ToList();
        members.ForEach(m => Accounts.Create(m, $"Member {m}", Role.Member, Password, "test"));
        new BoardRoster(Database).Create(prefix.ToUpperInvariant(), members, "test");
        return members;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Database.Dispose();
        Directory.Delete(Root, true);
    }
}
