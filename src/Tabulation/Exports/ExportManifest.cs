using System.Security.Cryptography;
using System.Text.Json;

namespace CentralCount.Tabulation.Exports;

/// <summary>One exported file as the manifest lists it.</summary>
public sealed record ExportedFile(string Name, string Sha256, long Bytes);

/// <summary>
/// Every export folder carries <c>manifest.json</c>: the election, the audit log's head when the
/// export was made, and each file's SHA-256 and size. <see cref="Verify"/> recomputes them, so a
/// changed, missing or added file is found; the manifest's own hash is printed when it is
/// written, for the record of the canvass.
/// </summary>
public static class ExportManifest
{
    public const string FileName = "manifest.json";

    public static ExportedFile Describe(string path)
    {
        using var stream = File.OpenRead(path);
        return new ExportedFile(Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(stream)), new FileInfo(path).Length);
    }

    /// <summary>Writes the manifest and returns its own SHA-256.</summary>
    public static string Write(string folder, string electionId, string electionHash, string auditHead, DateTimeOffset generated, IReadOnlyList<ExportedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var path = Path.Combine(folder, FileName);
        using (var stream = File.Create(path))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("electionId", electionId);
            w.WriteString("electionHash", electionHash);
            w.WriteString("auditLogHead", auditHead);
            w.WriteString("generated", generated.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStartArray("files");
            foreach (var f in files)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("sha256", f.Sha256);
                w.WriteNumber("bytes", f.Bytes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Describe(path).Sha256;
    }

    /// <summary>What does not match the manifest: each problem names the file and what is wrong; empty when everything holds.</summary>
    public static List<string> Verify(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return [$"{path}: no manifest here"];
        }

        List<ExportedFile> listed;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            listed = [.. doc.RootElement.GetProperty("files").EnumerateArray().Select(f => new ExportedFile(f.GetProperty("name").GetString()!, f.GetProperty("sha256").GetString()!, f.GetProperty("bytes").GetInt64()))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [$"{path}: not a readable manifest ({e.Message})"];
        }

        var problems = new List<string>();
        foreach (var f in listed)
        {
            var file = Path.Combine(folder, f.Name);
            if (f.Name.Contains('/', StringComparison.Ordinal) || f.Name.Contains('\\', StringComparison.Ordinal) || !File.Exists(file))
            {
                problems.Add($"{f.Name}: missing");
                continue;
            }

            var now = Describe(file);
            if (now.Sha256 != f.Sha256 || now.Bytes != f.Bytes)
            {
                problems.Add($"{f.Name}: changed since export (SHA-256 {now.Sha256[..12]}…, {now.Bytes} bytes; manifest says {f.Sha256[..12]}…, {f.Bytes} bytes)");
            }
        }

        var names = listed.Select(f => f.Name).Append(FileName).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => !names.Contains(n!)).Select(n => $"{n}: not in the manifest (added after export)"));
        return problems;
    }
}
