using System.Globalization;
using CentralCount.Election;
using CentralCount.ScanPipeline.Store;
using Microsoft.Data.Sqlite;

namespace CentralCount.Adjudication.Store;

/// <summary>
/// The board service's connection to the count store. The schema and the election come from the
/// store itself (opened once through <see cref="CountStore"/>); every write runs in one
/// transaction with its audit entry. SQLite serialises writers anyway, so one connection behind a
/// lock serves every station with no risk of two decisions interleaving.
/// </summary>
public sealed class BoardDatabase : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();

    private BoardDatabase(string path, string imagesFolder, ElectionDefinition election, SqliteConnection db, TimeProvider clock)
    {
        Path = path;
        ImagesFolder = imagesFolder;
        Election = election;
        _db = db;
        Clock = clock;
    }

    public string Path { get; }

    public string ImagesFolder { get; }

    public ElectionDefinition Election { get; }

    public TimeProvider Clock { get; }

    public static BoardDatabase Open(string path, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CountStoreException($"{path}: no count store here (scan a batch first, or give --store)");
        }

        string imagesFolder;
        ElectionDefinition election;
        using (var store = CountStore.Open(path, clock))
        {
            election = store.Election ?? throw new CountStoreException($"{path}: no election loaded in this store yet");
            imagesFolder = store.ImagesFolder;
        }

        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = System.IO.Path.GetFullPath(path), Pooling = false }.ToString());
        db.Open();
        using (var pragmas = db.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
            pragmas.ExecuteNonQuery();
        }

        return new BoardDatabase(System.IO.Path.GetFullPath(path), imagesFolder, election, db, clock ?? TimeProvider.System);
    }

    public string Now() => Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Runs a read under the lock.</summary>
    public T Read<T>(Func<Sql, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(new Sql(_db, null, this));
        }
    }

    /// <summary>Runs a write in one transaction under the lock; it commits only when <paramref name="write"/> returns.</summary>
    public T Write<T>(Func<Sql, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            using var tx = _db.BeginTransaction(deferred: false);
            var result = write(new Sql(_db, tx, this));
            tx.Commit();
            return result;
        }
    }

    public void Dispose() => _db.Dispose();

    /// <summary>Commands on the connection, inside the current transaction when there is one.</summary>
    public readonly struct Sql(SqliteConnection db, SqliteTransaction? tx, BoardDatabase owner)
    {
        public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
        {
            var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            cmd.Transaction = tx;
            foreach (var (name, value) in parameters)
            {
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return cmd;
        }

        public int Execute(string sql, params (string Name, object? Value)[] parameters)
        {
            using var cmd = Command(sql, parameters);
            return cmd.ExecuteNonQuery();
        }

        public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            using var cmd = Command(sql, parameters);
            var value = cmd.ExecuteScalar();
            return value is DBNull ? null : value;
        }

        public List<T> Rows<T>(string sql, Func<SqliteDataReader, T> row, params (string Name, object? Value)[] parameters)
        {
            using var cmd = Command(sql, parameters);
            using var r = cmd.ExecuteReader();
            var list = new List<T>();
            while (r.Read())
            {
                list.Add(row(r));
            }

            return list;
        }

        /// <summary>Appends to the audit log in this transaction: who did what, never which votes.</summary>
        public void Audit(string kind, string detail)
        {
            if (tx is null)
            {
                throw new InvalidOperationException("the audit log is written only inside a transaction");
            }

            _ = AuditLogWriter.Append(db, tx, owner.Now(), kind, detail);
        }
    }
}
