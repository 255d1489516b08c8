namespace CentralCount.Adjudication.Queue;

/// <summary>Which questionable contests a board takes next: by clause, contest or batch (null for any).</summary>
public sealed record QueueFilter(string? Clause, string? ContestId, string? BatchId)
{
    public static QueueFilter Any { get; } = new(null, null, null);
}
