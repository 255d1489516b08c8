namespace CentralCount.ScanPipeline.Store;

/// <summary>Votes as the store keeps them in one text column: option ids one per line, empty for none.</summary>
public static class StoredVotes
{
    public static string[] Split(string? text) => string.IsNullOrEmpty(text) ? [] : text.Split('\n');

    public static string Join(IEnumerable<string> votes) => string.Join('\n', votes);
}
