using Microsoft.Data.Sqlite;

namespace CentralCount.ScanPipeline.Store;

/// <summary>
/// Appends to the audit log inside the caller's transaction. The chain's head is read in that
/// same transaction (SQLite's write lock is held), so the scanner and the board service can both
/// write to one store without forking the chain; a rolled-back transaction leaves no entry.
/// </summary>
public static class AuditLogWriter
{
    public static AuditEntry Append(SqliteConnection db, SqliteTransaction tx, string at, string kind, string detail)
    {
        ArgumentNullException.ThrowIfNull(db);
        long seq = 0;
        var previous = AuditChain.Genesis;
        using (var head = db.CreateCommand())
        {
            head.Transaction = tx;
            head.CommandText = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
            using var r = head.ExecuteReader();
            if (r.Read())
            {
                (seq, previous) = (r.GetInt64(0), r.GetString(1));
            }
        }

        var entry = new AuditEntry(seq + 1, at, kind, detail, previous, AuditChain.HashOf(seq + 1, at, kind, detail, previous));
        using var insert = db.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO audit_log (seq, at, kind, detail, previous_hash, hash) VALUES ($s, $at, $k, $d, $p, $h)";
        insert.Parameters.AddWithValue("$s", entry.Seq);
        insert.Parameters.AddWithValue("$at", at);
        insert.Parameters.AddWithValue("$k", kind);
        insert.Parameters.AddWithValue("$d", detail);
        insert.Parameters.AddWithValue("$p", previous);
        insert.Parameters.AddWithValue("$h", entry.Hash);
        insert.ExecuteNonQuery();
        return entry;
    }
}
