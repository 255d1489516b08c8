using CentralCount.ScanPipeline.Pipeline;

namespace CentralCount.ScanPipeline.Reconciliation;

/// <summary>Where a counted sheet is: its batch, its place in the batch and the file its front came from.</summary>
public sealed record SheetReference(string BatchId, int Seq, string FrontFile)
{
    public override string ToString() => $"batch {BatchId} sheet {Seq} ({FrontFile})";
}

/// <summary>Two counted sheets whose readings agree mark for mark: possibly one sheet fed through the scanner twice.</summary>
/// <param name="Marks">Positions marked on both.</param>
/// <param name="PartialMarks">Of those, marks that are not solid fills (checks, crosses, partial fills): the ones that tell voters apart.</param>
/// <param name="LargestFillDifference">The largest difference in fill at any position.</param>
public sealed record AlikeSheets(SheetReference First, SheetReference Second, int Marks, int PartialMarks, double LargestFillDifference);

/// <summary>
/// Finds counted sheets that read alike mark for mark. A file scanned twice is caught by its
/// hash, but a sheet fed twice (re-fed after a jam, a stack put through again) makes new files.
/// What stays the same is the ink: the same positions marked, each filled alike to within a few
/// hundredths (0.037 at most between two feeds of the same real sheet). Marks that are not solid
/// fills (checks, crosses, partial fills) differ from voter to voter, so two sheets with at least
/// three of them that agree everywhere are very likely one sheet. Solid fills carry no such
/// trace, so sheets with fewer partial marks are not compared; their protection is the batch's
/// expected count.
/// </summary>
public static class FindAlikeSheets
{
    // Below this a position counts as unmarked (blank ovals read 0.00x).
    private const double MarkedFill = 0.02;
    private const double PartialFrom = 0.05;
    private const double SolidFill = 0.9;
    private const double Tolerance = 0.05;
    private const int PartialMarksNeeded = 3;

    /// <summary>Every pair of sheets (in any batches) that read alike, in the order their second sheet was recorded.</summary>
    public static IReadOnlyList<AlikeSheets> In(IEnumerable<(SheetReference Sheet, string? StyleId, string Reading)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var groups = new Dictionary<string, List<(SheetReference Sheet, double[] Fills, int Order)>>(StringComparer.Ordinal);
        var order = 0;
        foreach (var (sheet, style, reading) in sheets)
        {
            var marked = ReadPosition.Parse(reading).Where(p => p.Fill >= MarkedFill).OrderBy(Key, StringComparer.Ordinal).ToList();
            if (marked.Count(p => p.Fill is >= PartialFrom and < SolidFill) < PartialMarksNeeded)
            {
                continue;
            }

            // Only sheets with the same style and the same positions marked can be one sheet.
            var key = style + "|" + string.Join(';', marked.Select(Key));
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add((sheet, [.. marked.Select(p => p.Fill)], order++));
        }

        var found = new List<(AlikeSheets Pair, int Order)>();
        foreach (var group in groups.Values.Where(g => g.Count > 1))
        {
            // Sorted by the first mark's fill, a sheet need only be compared with those after it
            // whose first fill is within the tolerance: large groups stay cheap.
            group.Sort((a, b) => a.Fills[0].CompareTo(b.Fills[0]));
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count && group[j].Fills[0] - group[i].Fills[0] <= Tolerance; j++)
                {
                    var largest = LargestDifference(group[i].Fills, group[j].Fills);
                    if (largest <= Tolerance)
                    {
                        var (first, second) = group[i].Order < group[j].Order ? (group[i], group[j]) : (group[j], group[i]);
                        found.Add((new AlikeSheets(first.Sheet, second.Sheet, first.Fills.Length,
                            first.Fills.Count(f => f is >= PartialFrom and < SolidFill), Math.Round(largest, 3)), second.Order));
                    }
                }
            }
        }

        return [.. found.OrderBy(f => f.Order).Select(f => f.Pair)];
    }

    private static string Key(ReadPosition p) => $"{p.ContestId}/{p.OptionId ?? "write-in-" + p.WriteInIndex}";

    private static double LargestDifference(double[] a, double[] b)
    {
        var largest = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            largest = Math.Max(largest, Math.Abs(a[k] - b[k]));
        }

        return largest;
    }
}
