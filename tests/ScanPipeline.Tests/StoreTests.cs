using CentralCount.Election.Loading;
using CentralCount.ScanPipeline.Store;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Samples;
using Microsoft.Data.Sqlite;

namespace CentralCount.ScanPipeline.Tests;

/// <summary>The store's guarantees that need no images: the audit chain, one election per store, the schema version.</summary>
public sealed class StoreTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("store");

    [Fact]
    public void A_version_1_store_is_upgraded_in_place_with_an_audit_entry()
    {
        var path = Path.Combine(_dir.FullName, "old.db");
        using (var store = CountStore.Open(path))
        {
            store.LoadElection(ElectionWriter.Write(BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent())), "general.json");
        }

        // Take the store back to version 1 as an earlier engine left it.
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                DROP TABLE adjudications; DROP TABLE board_decisions; DROP TABLE board_claims; DROP TABLE board_members; DROP TABLE boards; DROP TABLE sessions; DROP TABLE accounts;
                ALTER TABLE sheets DROP COLUMN front_image; ALTER TABLE sheets DROP COLUMN back_image; UPDATE schema_version SET version = 1;
                """;
            cmd.ExecuteNonQuery();
        }

        using (var store = CountStore.Open(path))
        {
            Assert.Contains(store.AuditLog(), e => e.Kind == "store-upgraded");
            Assert.Null(AuditChain.FirstBreak(store.AuditLog()));
            Assert.Empty(store.BoardQueue());
        }
    }

    [Fact]
    public void Any_change_to_the_audit_log_breaks_the_chain()
    {
        var path = Path.Combine(_dir.FullName, "count.db");
        using (var store = CountStore.Open(path))
        {
            store.LoadElection(ElectionWriter.Write(BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent())), "general.json");
            store.Log("halt", "station-2 halted: streaks on 3 sheets");
            store.Log("resume", "station-2 resumed after cleaning");
            Assert.Null(AuditChain.FirstBreak(store.AuditLog()));
        }

        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE audit_log SET detail = 'station-2 halted: nothing wrong' WHERE kind = 'halt'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        using (var store = CountStore.Open(path))
        {
            var problem = AuditChain.FirstBreak(store.AuditLog());
            Assert.NotNull(problem);
            Assert.Contains("entry 2 (halt) was altered", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_store_counts_one_election_only()
    {
        using var store = CountStore.Open(Path.Combine(_dir.FullName, "count.db"));
        var general = ElectionWriter.Write(BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent()));
        store.LoadElection(general, "general.json");
        store.LoadElection(general, "general.json");
        var error = Assert.Throws<CountStoreException>(() => store.LoadElection(ElectionWriter.Write(BallotLayoutPlanner.Plan(MontanaSampleElections.PrimaryContent())), "primary.json"));
        Assert.Contains("Use a new store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_of_another_schema_version_is_refused()
    {
        var path = Path.Combine(_dir.FullName, "old.db");
        CountStore.Open(path).Dispose();
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE schema_version SET version = 99";
            cmd.ExecuteNonQuery();
        }

        var error = Assert.Throws<CountStoreException>(() => CountStore.Open(path));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(true);
}
