using CentralCount.Election.Loading;
using CentralCount.Election.Rules;
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
    public void Sheets_recorded_in_one_group_keep_their_contests_chain_their_audit_entries_and_a_repeat_in_the_group_is_a_duplicate()
    {
        using var store = CountStore.Open(Path.Combine(_dir.FullName, "count.db"));
        store.LoadElection(ElectionWriter.Write(BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent())), "general.json");
        store.StartBatch(new BatchInfo("b1", "station-1", null, 4, "scans"));
        SheetRecord Counted(int seq, string hash, params ContestRecord[] contests) =>
            new("b1", seq, $"{seq}-front.jpg", $"{seq}-back.jpg", hash, SheetStatus.Counted, null, null, "style-1", null, "[]", contests);
        var first = Counted(1, "aa", new ContestRecord("governor", ContestOutcome.Counted(["smith"])), new ContestRecord("senate", ContestOutcome.Undervote));
        var rejected = new SheetRecord("b1", 2, "2-front.jpg", null, "bb", SheetStatus.Rejected, "unreadable-image", "not a JPEG", null, null, null, []);
        var second = Counted(3, "cc", new ContestRecord("governor", ContestOutcome.Overvote));
        var repeat = Counted(4, "aa", new ContestRecord("governor", ContestOutcome.Counted(["jones"])));
        var before = store.AuditLog().Count;

        var statuses = store.Record([first, rejected, second, repeat]);

        Assert.Equal([SheetStatus.Counted, SheetStatus.Rejected, SheetStatus.Counted, SheetStatus.Duplicate], statuses);
        var counted = store.CountedSheets().ToList();
        Assert.Equal([1, 3], counted.Select(s => s.Seq));
        Assert.Equal(["governor:counted:smith", "senate:undervote:"], counted[0].Contests.Select(c => $"{c.ContestId}:{c.Outcome}:{string.Join('+', c.Votes)}"));
        Assert.Equal(["governor:overvote:"], counted[1].Contests.Select(c => $"{c.ContestId}:{c.Outcome}:{string.Join('+', c.Votes)}"));
        var log = store.AuditLog();
        Assert.Equal(before + 4, log.Count);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e.Seq));
        Assert.Contains("b1#4 duplicate aa duplicate of sheet", log[^1].Detail, StringComparison.Ordinal);
        Assert.Null(AuditChain.FirstBreak(log));
    }

    [Fact]
    public void A_group_that_fails_is_kept_not_at_all_and_the_store_records_the_next_group()
    {
        using var store = CountStore.Open(Path.Combine(_dir.FullName, "count.db"));
        store.LoadElection(ElectionWriter.Write(BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent())), "general.json");
        store.StartBatch(new BatchInfo("b1", "station-1", null, null, "scans"));
        SheetRecord Sheet(int seq, string hash) =>
            new("b1", seq, $"{seq}-front.jpg", null, hash, SheetStatus.Counted, null, null, "style-1", null, "[]", [new ContestRecord("governor", ContestOutcome.Undervote)]);
        store.Record([Sheet(1, "aa")]);

        // The second sheet takes a place already recorded: the store refuses the whole group.
        var error = Assert.Throws<CountStoreException>(() => store.Record([Sheet(2, "bb"), Sheet(1, "cc")]));
        Assert.Contains("none of them was kept", error.Message, StringComparison.Ordinal);
        Assert.Equal([1], store.RecordedSeqs("b1"));

        Assert.Equal([SheetStatus.Counted, SheetStatus.Duplicate], store.Record([Sheet(2, "bb"), Sheet(3, "aa")]));
        Assert.Equal([1, 2, 3], store.RecordedSeqs("b1").Order());
        Assert.Equal([1, 2], store.CountedSheets().Select(s => s.Seq));
        Assert.Null(AuditChain.FirstBreak(store.AuditLog()));
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
