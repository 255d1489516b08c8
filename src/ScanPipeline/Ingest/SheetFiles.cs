namespace CentralCount.ScanPipeline.Ingest;

/// <summary>The image files of one sheet as the scanner wrote them, and its place in the batch (1-based).</summary>
public sealed record SheetFiles(int Seq, string Front, string? Back);

/// <summary>
/// Groups a batch folder's images into sheets. Files named <c>NAME-front.ext</c> and
/// <c>NAME-back.ext</c> pair by name; otherwise files pair in name order, two to a sheet, as
/// duplex scanners number their pages. Anything that is not an image is ignored.
/// </summary>
public static class PairSheetFiles
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff"];

    public static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>
    /// The folder's sheets. With <paramref name="settled"/>, a scanner may still be writing: only
    /// files untouched for that long count, and only up to the first that is not (later sheets wait
    /// for the next look, so numbering never shifts).
    /// </summary>
    public static IReadOnlyList<SheetFiles> InFolder(string folder, TimeSpan? settled = null, TimeProvider? clock = null)
    {
        var files = Directory.EnumerateFiles(folder).Where(IsImage).Order(StringComparer.Ordinal).ToList();
        if (settled is not { } wait)
        {
            return Pair(files);
        }

        var cutoff = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime - wait;
        var ready = files.TakeWhile(f => File.GetLastWriteTimeUtc(f) <= cutoff).ToList();
        var sheets = Pair(ready);
        // A sheet whose other page is still being written waits too.
        return ready.Count < files.Count && sheets.Count > 0 && sheets[^1].Back is null ? [.. sheets.Take(sheets.Count - 1)] : sheets;
    }

    public static IReadOnlyList<SheetFiles> Pair(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        static string Stem(string f) => Path.GetFileNameWithoutExtension(f);
        var named = files.All(f => Stem(f).EndsWith("-front", StringComparison.OrdinalIgnoreCase) || Stem(f).EndsWith("-back", StringComparison.OrdinalIgnoreCase));
        var sheets = new List<SheetFiles>();
        if (named)
        {
            var groups = files.GroupBy(f => Stem(f)[..Stem(f).LastIndexOf('-')], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var g in groups)
            {
                var front = g.FirstOrDefault(f => Stem(f).EndsWith("-front", StringComparison.OrdinalIgnoreCase));
                var back = g.FirstOrDefault(f => Stem(f).EndsWith("-back", StringComparison.OrdinalIgnoreCase));
                sheets.Add(new SheetFiles(sheets.Count + 1, front ?? back!, front is null ? null : back));
            }

            return sheets;
        }

        for (var i = 0; i < files.Count; i += 2)
        {
            sheets.Add(new SheetFiles(sheets.Count + 1, files[i], i + 1 < files.Count ? files[i + 1] : null));
        }

        return sheets;
    }
}
