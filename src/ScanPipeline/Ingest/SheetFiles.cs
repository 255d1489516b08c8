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

    public static IReadOnlyList<SheetFiles> InFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder).Where(IsImage).Order(StringComparer.Ordinal).ToList();
        return Pair(files);
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
