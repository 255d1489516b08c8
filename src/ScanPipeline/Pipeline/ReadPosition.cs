using System.Text.Json;

namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>One position as the machine read it and the store keeps it: the contest and option (or write-in area), its mark class, fill, and where it is in which file of the sheet (0 front, 1 back as fed).</summary>
public sealed record ReadPosition(string ContestId, string? OptionId, int? WriteInIndex, string MarkClass, double Fill, double X, double Y, int File, bool WrittenIn)
{
    /// <summary>The positions of a stored reading (the JSON <see cref="ReadSheet"/> writes), optionally of one contest only.</summary>
    public static List<ReadPosition> Parse(string reading, string? contestId = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        using var doc = JsonDocument.Parse(reading);
        var list = new List<ReadPosition>();
        foreach (var p in doc.RootElement.EnumerateArray())
        {
            var contest = p.GetProperty("contestId").GetString()!;
            if (contestId is not null && contest != contestId)
            {
                continue;
            }

            list.Add(new ReadPosition(
                contest,
                p.TryGetProperty("optionId", out var o) ? o.GetString() : null,
                p.TryGetProperty("writeInIndex", out var w) ? w.GetInt32() : null,
                p.GetProperty("markClass").GetString() ?? "unknown",
                p.GetProperty("fill").GetDouble(),
                p.GetProperty("x").GetDouble(),
                p.GetProperty("y").GetDouble(),
                p.TryGetProperty("file", out var f) ? f.GetInt32() : 0,
                p.TryGetProperty("writtenIn", out var wi) && wi.GetBoolean()));
        }

        return list;
    }
}
