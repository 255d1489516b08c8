using System.Text.Json;
using System.Text.Json.Serialization;

namespace CentralCount.ScanPipeline.Ingest;

/// <summary>The optional <c>batch.json</c> a station writes beside its images: who scanned, where, and how many sheets the batch should hold.</summary>
public sealed record BatchManifest(string? BatchId, string? Station, string? Operator, int? ExpectedSheets)
{
    public const string FileName = "batch.json";

    /// <summary>Reads the folder's manifest, or null when there is none.</summary>
    public static BatchManifest? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), BatchManifestJson.Default.BatchManifest);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a batch manifest ({e.Message}); expected {{\"batchId\", \"station\", \"operator\", \"expectedSheets\"}}", e);
        }
    }
}

/// <summary>Source-generated serializer for the batch manifest.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(BatchManifest))]
internal sealed partial class BatchManifestJson : JsonSerializerContext;
