namespace CentralCount.Cli.Tests;

/// <summary>Looks into a store another process is writing, read-only, as an observer would.</summary>
internal static class StoreProbe
{
    /// <summary>How many sheets the store holds (counted, rejected or duplicate).</summary>
    public static long Recorded(string store)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sheets";
        return (long)cmd.ExecuteScalar()!;
    }
}
