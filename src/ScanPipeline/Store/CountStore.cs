using System.Globalization;
using CentralCount.Election;
using CentralCount.ScanPipeline.Reconciliation;
using Microsoft.Data.Sqlite;

namespace CentralCount.ScanPipeline.Store;

/// <summary>The store could not be used: another schema version, another election, a damaged file.</summary>
public sealed class CountStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The durable count: one SQLite file (WAL) beside a folder of content-addressed images. A sheet
/// is written with its contests and its audit entry in one transaction, so after a crash the
/// store holds whole sheets only; the same image content is recorded once, any later copy is
/// recorded as a duplicate and never counted. One writer at a time (the pipeline's recorder).
/// </summary>
public sealed class CountStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly TimeProvider _clock;
    private ElectionDefinition? _election;
    private SheetInserts? _inserts;

    private CountStore(string path, SqliteConnection db, TimeProvider clock)
    {
        Path = path;
        _db = db;
        _clock = clock;
        ImagesFolder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, System.IO.Path.GetFileNameWithoutExtension(path) + "-images");
    }

    /// <summary>
    /// Every contest of every counted sheet (batch, style, precinct, contest, outcome, votes one per
    /// line), as the board decided it where it has: what tallies are made from.
    /// </summary>
    public const string ContestResultsQuery = """
        SELECT s.batch_id, s.style_id, s.precinct_id, c.contest_id, coalesce(a.outcome, c.outcome), coalesce(a.votes, c.votes)
        FROM contest_results c JOIN sheets s ON s.id = c.sheet_id
        LEFT JOIN adjudications a ON a.sheet_id = c.sheet_id AND a.contest_id = c.contest_id
        WHERE s.status = 'counted' ORDER BY s.id
        """;

    public string Path { get; }

    /// <summary>Where sheet images are kept, named by their SHA-256.</summary>
    public string ImagesFolder { get; }

    /// <summary>Opens the store at <paramref name="path"/>, creating it when missing.</summary>
    public static CountStore Open(string path, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            db.Open();
            Execute(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
            var store = new CountStore(full, db, clock ?? TimeProvider.System);
            store.Initialise();
            return store;
        }
        catch (SqliteException e)
        {
            db.Dispose();
            throw new CountStoreException($"{full}: not a usable count store ({e.Message})", e);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The election this store counts, or null before one is loaded.</summary>
    public ElectionDefinition? Election => _election;

    public void LoadElection(byte[] definition, string fileName)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var election = ElectionFiles.Read(definition, fileName);
        if (_election is { } existing)
        {
            if (existing.Hash.Hex == election.Hash.Hex)
            {
                return;
            }

            throw new CountStoreException($"{Path} already counts election {existing.Id} ({existing.Hash.Prefix}); {fileName} is {election.Id} ({election.Hash.Prefix}). Use a new store for another election.");
        }

        using var tx = Begin();
        Execute(_db, "INSERT INTO election (hash, id, title, file_name, definition, loaded_at) VALUES ($h, $id, $t, $f, $d, $at)", tx,
            ("$h", election.Hash.Hex), ("$id", election.Id), ("$t", election.Title), ("$f", System.IO.Path.GetFileName(fileName)), ("$d", definition), ("$at", Now()));
        Append(tx, "election-loaded", $"{election.Id} {election.Hash.Hex} from {System.IO.Path.GetFileName(fileName)}");
        Commit(tx);
        _election = election;
    }

    public void StartBatch(BatchInfo batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var tx = Begin();
        var exists = Scalar<long>("SELECT count(*) FROM batches WHERE id = $id", tx, ("$id", batch.Id)) > 0;
        if (!exists)
        {
            Execute(_db, "INSERT INTO batches (id, station, operator, expected_sheets, folder, started_at) VALUES ($id, $s, $o, $e, $f, $at)", tx,
                ("$id", batch.Id), ("$s", batch.Station), ("$o", batch.Operator), ("$e", batch.ExpectedSheets), ("$f", batch.Folder), ("$at", Now()));
            Append(tx, "batch-started", $"{batch.Id} station {batch.Station}{(batch.Operator is null ? string.Empty : $" operator {batch.Operator}")}{(batch.ExpectedSheets is { } n ? $" expecting {n} sheets" : string.Empty)} from {batch.Folder}");
        }
        else
        {
            Append(tx, "batch-resumed", batch.Id);
        }

        Commit(tx);
    }

    /// <summary>Removes every sheet of a batch so it can be scanned again; the removal is itself logged.</summary>
    public int ReplaceBatch(string batchId, string why)
    {
        using var tx = Begin();
        var removed = Execute(_db, "DELETE FROM sheets WHERE batch_id = $b", tx, ("$b", batchId));
        Append(tx, "batch-rescan", $"{batchId}: {removed} sheets removed before rescanning ({why})");
        Commit(tx);
        return removed;
    }

    /// <summary>Sequence numbers of a batch already recorded (a resumed scan skips them).</summary>
    public IReadOnlySet<int> RecordedSeqs(string batchId)
    {
        using var cmd = Command("SELECT seq FROM sheets WHERE batch_id = $b", null, ("$b", batchId));
        using var r = cmd.ExecuteReader();
        var set = new HashSet<int>();
        while (r.Read())
        {
            set.Add(r.GetInt32(0));
        }

        return set;
    }

    /// <summary>Records sheets, each with its contests and audit entry, in one transaction; a sheet whose content is already recorded becomes a duplicate. Returns how each was recorded.</summary>
    public IReadOnlyList<SheetStatus> Record(IReadOnlyList<SheetRecord> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        try
        {
            return RecordAll(sheets);
        }
        catch (SqliteException e)
        {
            throw new CountStoreException($"{Path}: could not record {sheets.Count} sheet(s), none of them was kept ({e.Message})", e);
        }
    }

    private List<SheetStatus> RecordAll(IReadOnlyList<SheetRecord> sheets)
    {
        var statuses = new List<SheetStatus>(sheets.Count);
        using var tx = Begin();
        var inserts = (_inserts ??= new SheetInserts(_db)).In(tx);
        using var audit = new AuditLogWriter(_db, tx);
        foreach (var sheet in sheets)
        {
            var original = inserts.Original(sheet.ContentHash);
            var record = original is null ? sheet : sheet with { Status = SheetStatus.Duplicate, Contests = [] };
            statuses.Add(record.Status);
            var at = Now();
            inserts.Insert(record, original, at);
            audit.Append(at, "sheet", $"{record.BatchId}#{record.Seq} {SheetInserts.Name(record.Status)} {record.ContentHash}{(original is { } of ? $" duplicate of sheet {of}" : string.Empty)}{(record.RejectReason is { } rr ? $" {rr}" : string.Empty)}");
        }

        Commit(tx);
        return statuses;
    }

    public IReadOnlyList<BatchSummary> Batches()
    {
        var batches = new List<BatchInfo>();
        using (var cmd = Command("SELECT id, station, operator, expected_sheets, folder FROM batches ORDER BY started_at, id", null))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                batches.Add(new BatchInfo(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3), r.GetString(4)));
            }
        }

        return [.. batches.Select(b =>
        {
            var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
            int scanned = 0, counted = 0, rejected = 0, duplicates = 0;
            using (var cmd = Command("SELECT status, reject_reason, count(*) FROM sheets WHERE batch_id = $b GROUP BY status, reject_reason", null, ("$b", b.Id)))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    var n = r.GetInt32(2);
                    scanned += n;
                    switch (r.GetString(0))
                    {
                        case "counted": counted += n; break;
                        case "duplicate": duplicates += n; break;
                        default:
                            rejected += n;
                            reasons[r.IsDBNull(1) ? "unknown" : r.GetString(1)] = n;
                            break;
                    }
                }
            }

            var board = (int)Scalar<long>("""
                SELECT count(*) FROM contest_results c JOIN sheets s ON s.id = c.sheet_id
                LEFT JOIN adjudications a ON a.sheet_id = c.sheet_id AND a.contest_id = c.contest_id
                WHERE s.batch_id = $b AND c.outcome = 'board' AND a.sheet_id IS NULL
                """, null, ("$b", b.Id));
            return new BatchSummary(b, scanned, counted, rejected, duplicates, board, reasons);
        })];
    }

    /// <summary>
    /// Every contest of every counted sheet, with the sheet's batch, style and precinct: as the
    /// board decided it where it has, otherwise as the machine recorded it.
    /// </summary>
    public IEnumerable<(string BatchId, string? StyleId, string? PrecinctId, string ContestId, string Outcome, IReadOnlyList<string> Votes)> ContestResults()
    {
        using var cmd = Command(ContestResultsQuery, null);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var votes = r.GetString(5);
            yield return (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4),
                StoredVotes.Split(votes));
        }
    }

    /// <summary>Contests still waiting on the board (not yet decided), in scan order: where the sheet is, the clause, and what it suggests.</summary>
    public IReadOnlyList<BoardItem> BoardQueue()
    {
        using var cmd = Command("""
            SELECT s.id, s.batch_id, s.seq, s.front_file, c.contest_id, c.clause, c.suggested_outcome, c.suggested_votes
            FROM contest_results c JOIN sheets s ON s.id = c.sheet_id
            LEFT JOIN adjudications a ON a.sheet_id = c.sheet_id AND a.contest_id = c.contest_id
            WHERE c.outcome = 'board' AND s.status = 'counted' AND a.sheet_id IS NULL ORDER BY s.id, c.contest_id
            """, null);
        using var r = cmd.ExecuteReader();
        var list = new List<BoardItem>();
        while (r.Read())
        {
            var votes = r.IsDBNull(7) ? string.Empty : r.GetString(7);
            list.Add(new BoardItem(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), StoredVotes.Split(votes)));
        }

        return list;
    }

    /// <summary>
    /// Every counted sheet in scan order with its contests (and the board's settlements), read as
    /// a stream so exports and recounts of any size run in bounded memory.
    /// </summary>
    public IEnumerable<StoredSheet> CountedSheets(Func<string, bool>? batch = null)
    {
        using var sheets = Command("""
            SELECT s.id, s.batch_id, s.seq, b.station, s.front_file, s.back_file, s.content_hash, s.front_image, s.back_image, s.style_id, s.precinct_id, s.reading
            FROM sheets s JOIN batches b ON b.id = s.batch_id WHERE s.status = 'counted' ORDER BY s.id
            """, null);
        using var contests = Command("""
            SELECT c.sheet_id, c.contest_id, c.outcome, c.votes, c.clause, c.suggested_outcome, c.suggested_votes, a.outcome, a.votes, a.board_id, a.members, a.decided_at
            FROM contest_results c JOIN sheets s ON s.id = c.sheet_id
            LEFT JOIN adjudications a ON a.sheet_id = c.sheet_id AND a.contest_id = c.contest_id
            WHERE s.status = 'counted' ORDER BY c.sheet_id, c.contest_id
            """, null);
        using var s = sheets.ExecuteReader();
        using var c = contests.ExecuteReader();
        var more = c.Read();
        while (s.Read())
        {
            var id = s.GetInt64(0);
            var list = new List<StoredContest>();
            while (more && c.GetInt64(0) < id)
            {
                more = c.Read();
            }

            while (more && c.GetInt64(0) == id)
            {
                list.Add(new StoredContest(c.GetString(1), c.GetString(2), StoredVotes.Split(c.GetString(3)), Text(c, 4), Text(c, 5), StoredVotes.Split(Text(c, 6)),
                    c.IsDBNull(7) ? null : new StoredAdjudication(c.GetString(7), StoredVotes.Split(c.GetString(8)), c.GetString(9), StoredVotes.Split(c.GetString(10)), c.GetString(11))));
                more = c.Read();
            }

            var batchId = s.GetString(1);
            if (batch is null || batch(batchId))
            {
                yield return new StoredSheet(id, batchId, s.GetInt32(2), s.GetString(3), s.GetString(4), Text(s, 5), s.GetString(6), Text(s, 7), Text(s, 8), Text(s, 9), Text(s, 10), Text(s, 11), list);
            }
        }
    }

    /// <summary>Every counted sheet's place and the machine's reading of it, in the order recorded (for finding sheets fed twice).</summary>
    public IEnumerable<(SheetReference Sheet, string? StyleId, string Reading)> CountedReadings()
    {
        using var cmd = Command("SELECT batch_id, seq, front_file, style_id, reading FROM sheets WHERE status = 'counted' AND reading IS NOT NULL ORDER BY id", null);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return (new SheetReference(r.GetString(0), r.GetInt32(1), r.GetString(2)), Text(r, 3), r.GetString(4));
        }
    }

    /// <summary>The newest audit entry's hash: what an export says it was made from.</summary>
    public string AuditHead() => Scalar<string?>("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1", null) ?? AuditChain.Genesis;

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public IReadOnlyList<AuditEntry> AuditLog()
    {
        using var cmd = Command("SELECT seq, at, kind, detail, previous_hash, hash FROM audit_log ORDER BY seq", null);
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
        {
            list.Add(new AuditEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)));
        }

        return list;
    }

    /// <summary>Appends an entry of its own (an operator's action, a halt) to the audit log.</summary>
    public void Log(string kind, string detail)
    {
        using var tx = Begin();
        Append(tx, kind, detail);
        Commit(tx);
    }

    public void Dispose()
    {
        _inserts?.Dispose();
        _db.Dispose();
    }

    private void Initialise()
    {
        var tables = Scalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", null);
        if (tables == 0)
        {
            using var tx = Begin();
            Execute(_db, StoreSchema.Create, tx);
            Execute(_db, "INSERT INTO schema_version (version) VALUES ($v)", tx, ("$v", StoreSchema.Version));
            Commit(tx);
        }

        var version = Scalar<long>("SELECT version FROM schema_version", null);
        if (version == 1)
        {
            using var tx = Begin();
            Execute(_db, StoreSchema.Upgrade1To2, tx);
            Execute(_db, "UPDATE schema_version SET version = 2", tx);
            Append(tx, "store-upgraded", "schema version 1 to 2: image names per sheet, board accounts, decisions and adjudications");
            Commit(tx);
            version = 2;
        }

        if (version != StoreSchema.Version)
        {
            throw new CountStoreException($"{Path} has store schema version {version}; this engine reads version {StoreSchema.Version}");
        }

        using (var cmd = Command("SELECT definition, file_name FROM election LIMIT 1", null))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                _election = ElectionFiles.Read((byte[])r.GetValue(0), r.GetString(1));
            }
        }
    }

    // BEGIN IMMEDIATE: the write lock is taken up front, so the audit head read inside is the real one.
    private SqliteTransaction Begin() => _db.BeginTransaction(deferred: false);

    private static void Commit(SqliteTransaction tx) => tx.Commit();

    private void Append(SqliteTransaction tx, string kind, string detail) => AuditLogWriter.Append(_db, tx, Now(), kind, detail);

    private string Now() => _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private SqliteCommand Command(string sql, SqliteTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private T Scalar<T>(string sql, SqliteTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    private static int Execute(SqliteConnection db, string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd.ExecuteNonQuery();
    }
}
