using Microsoft.Data.Sqlite;

namespace CentralCount.ScanPipeline.Store;

/// <summary>
/// Appends to the audit log inside the caller's transaction. The chain's head is read in that
/// same transaction (SQLite's write lock is held), so the scanner and the board service can both
/// write to one store without forking the chain; a rolled-back transaction leaves no entry.
/// </summary>
/// <remarks>
/// One writer serves one transaction: the head is read once and then followed in memory, and the
/// insert is prepared once, so a group of sheets recorded together costs one statement each.
/// </remarks>
public sealed class AuditLogWriter : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly SqliteTransaction _tx;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _seq, _at, _kind, _detail, _previous, _hash;
    private (long Seq, string Hash)? _head;

    public AuditLogWriter(SqliteConnection db, SqliteTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tx);
        (_db, _tx) = (db, tx);
        _insert = db.CreateCommand();
        _insert.Transaction = tx;
        _insert.CommandText = "INSERT INTO audit_log (seq, at, kind, detail, previous_hash, hash) VALUES ($s, $at, $k, $d, $p, $h)";
        (_seq, _at, _kind, _detail, _previous, _hash) = (Add("$s"), Add("$at"), Add("$k"), Add("$d"), Add("$p"), Add("$h"));
    }

    /// <summary>Appends one entry in a transaction of its own writer.</summary>
    public static AuditEntry Append(SqliteConnection db, SqliteTransaction tx, string at, string kind, string detail)
    {
        using var writer = new AuditLogWriter(db, tx);
        return writer.Append(at, kind, detail);
    }

    public AuditEntry Append(string at, string kind, string detail)
    {
        var (seq, previous) = _head ??= Head();
        var entry = new AuditEntry(seq + 1, at, kind, detail, previous, AuditChain.HashOf(seq + 1, at, kind, detail, previous));
        (_seq.Value, _at.Value, _kind.Value, _detail.Value, _previous.Value, _hash.Value) = (entry.Seq, at, kind, detail, previous, entry.Hash);
        _insert.ExecuteNonQuery();
        _head = (entry.Seq, entry.Hash);
        return entry;
    }

    public void Dispose() => _insert.Dispose();

    private (long Seq, string Hash) Head()
    {
        using var head = _db.CreateCommand();
        head.Transaction = _tx;
        head.CommandText = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
        using var r = head.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetString(1)) : (0, AuditChain.Genesis);
    }

    private SqliteParameter Add(string name) => _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
}
