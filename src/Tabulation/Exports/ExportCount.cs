using System.Text;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Tabulation.Exports;

/// <summary>What an export wrote: the folder, each file, and the manifest's own hash for the record.</summary>
public sealed record ExportResult(string Folder, IReadOnlyList<ExportedFile> Files, string ManifestSha256, int Sheets);

/// <summary>
/// Writes every export of a count into one folder: CVRs (NIST 1500-103 JSON), results (NIST
/// 1500-100 JSON), the printable results report with the overvote summary, Arlo's CVR file and
/// ballot manifest, and the manifest of SHA-256 hashes over all of them.
/// </summary>
public static class ExportCount
{
    public const string Cvr = "cvr.json";
    public const string Results = "results.json";
    public const string Report = "results.html";
    public const string ArloCvr = "arlo-cvrs.csv";
    public const string ArloManifest = "arlo-ballot-manifest.csv";

    public static ExportResult Run(CountStore store, string folder, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(store);
        var election = store.Election ?? throw new CountStoreException($"{store.Path}: no election loaded");
        Directory.CreateDirectory(folder);
        var existing = Directory.GetFiles(folder);
        if (existing.Length > 0)
        {
            throw new IOException($"{folder} is not empty ({existing.Length} files); exports go into a new folder so nothing is overwritten");
        }

        var contests = RecordedContests.In(store).ToList();
        var stations = store.Batches().Select(b => b.Batch.Station).Distinct(StringComparer.Ordinal).ToList();
        var sheets = 0;
        using (var f = File.Create(Path.Combine(folder, Cvr)))
        {
            CastVoteRecordExport.Write(f, election, Counting(store.CountedSheets(), () => sheets++), stations, generated);
        }

        using (var f = File.Create(Path.Combine(folder, Results)))
        {
            ResultsExport.Write(f, election, contests, generated);
        }

        File.WriteAllText(Path.Combine(folder, Report), ResultsReport.Html(election, contests, store.CountedSheets(), generated), Encoding.UTF8);
        using (var f = new StreamWriter(Path.Combine(folder, ArloCvr), false, new UTF8Encoding(false)))
        {
            ArloExport.WriteCvrs(f, election, store.CountedSheets());
        }

        using (var f = new StreamWriter(Path.Combine(folder, ArloManifest), false, new UTF8Encoding(false)))
        {
            ArloExport.WriteManifest(f, store.CountedSheets());
        }

        var files = new[] { Cvr, Results, Report, ArloCvr, ArloManifest }.Select(n => ExportManifest.Describe(Path.Combine(folder, n))).ToList();
        var manifest = ExportManifest.Write(folder, election.Id, election.Hash.Hex, store.AuditHead(), generated, files);
        store.Log("export", $"{files.Count} files to {Path.GetFullPath(folder)}, manifest SHA-256 {manifest}");
        return new ExportResult(folder, files, manifest, sheets);
    }

    private static IEnumerable<StoredSheet> Counting(IEnumerable<StoredSheet> sheets, Action each)
    {
        foreach (var s in sheets)
        {
            each();
            yield return s;
        }
    }
}
