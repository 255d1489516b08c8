using CentralCount.Election.Layout;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// How far printed ovals sit from where the timing marks put them, as printers place them: one
/// horizontal offset per column of ovals and one vertical offset per row, each the median of the
/// matches there (unmarked ovals when there are any; on a page almost all marked, those that
/// agree with the column's one unmarked oval, or those whose outline shows through the mark, or
/// all of them when there are enough to outvote the marks), falling back to the page's median,
/// then to no offset at all.
/// </summary>
internal sealed class OffsetModel
{
    private const int EnoughMarkedMatches = 8;
    private const int MinimumAgreeing = 3;
    private const double AgreementPx = 1.0;
    private readonly Dictionary<int, double> _columns;
    private readonly Dictionary<int, double> _rows;
    private readonly (double X, double Y) _page;

    private OffsetModel(Dictionary<int, double> columns, Dictionary<int, double> rows, (double X, double Y) page)
    {
        _columns = columns;
        _rows = rows;
        _page = page;
    }

    public (double X, double Y) At(GridPoint p, double limit) =>
        (Math.Clamp(_columns.TryGetValue(Key(p.Column), out var x) ? x : _page.X, -limit, limit),
         Math.Clamp(_rows.TryGetValue(Key(p.Row), out var y) ? y : _page.Y, -limit, limit));

    /// <param name="points">Each oval's grid position.</param>
    /// <param name="offsets">Where each oval's match sits from its predicted centre (null: no match).</param>
    /// <param name="trusted">Unmarked ovals, matched on their whole outline.</param>
    /// <param name="outlined">Matches made on the printed outline: the unmarked ovals', and marked ovals' whose outline shows through the mark.</param>
    public static OffsetModel Fit(IReadOnlyList<GridPoint> points, (double X, double Y)?[] offsets, bool[] trusted, bool[] outlined)
    {
        var snapped = Enumerable.Range(0, points.Count).Where(i => offsets[i] is not null).ToList();
        var sure = snapped.Where(i => trusted[i]).ToList();
        var outlines = snapped.Where(i => outlined[i]).ToList();
        (double X, double Y) page = sure.Count >= 3 ? Median(sure, offsets)
            : outlines.Count >= 3 ? Median(outlines, offsets)
            : snapped.Count >= 12 ? Median(snapped, offsets)
            : (0, 0);
        // Marked ovals speak for their column only on a page with almost no unmarked ones.
        var marksMayVote = sure.Count < 3;
        return new OffsetModel(
            Groups(snapped, trusted, outlined, marksMayVote, i => Key(points[i].Column), offsets, o => o.X),
            Groups(snapped, trusted, outlined, marksMayVote, i => Key(points[i].Row), offsets, o => o.Y),
            page);
    }

    private static Dictionary<int, double> Groups(List<int> snapped, bool[] sure, bool[] outlined, bool marksMayVote, Func<int, int> key, (double X, double Y)?[] offsets, Func<(double X, double Y), double> axis)
    {
        var result = new Dictionary<int, double>();
        foreach (var group in snapped.GroupBy(key))
        {
            var trusted = group.Where(i => sure[i]).ToList();
            if (trusted.Count >= 2)
            {
                result[group.Key] = UpperMedian(trusted.Select(i => axis(offsets[i]!.Value)));
            }
            else if (marksMayVote && group.Count() >= EnoughMarkedMatches)
            {
                var all = group.Select(i => axis(offsets[i]!.Value)).ToArray();
                // With no unmarked oval to anchor them, the outlines that show through partial
                // marks speak for the column when they agree with one another.
                var outlines = group.Where(i => outlined[i]).Select(i => axis(offsets[i]!.Value)).Order().ToArray();
                result[group.Key] = trusted.Count == 1 && AgreeingWith(axis(offsets[trusted[0]]!.Value), all) is { } agreed ? agreed
                    : outlines.Length >= 2 && outlines[^1] - outlines[0] <= 2 * AgreementPx ? Middle(outlines)
                    : UpperMedian(all);
            }
        }

        return result;
    }

    // Heavy fills pull their matches off the outline, each by its own amount, and on a column
    // mostly filled they can drag the median with them. The one unmarked oval there shows the
    // printing, and the outlines still visible through partial marks agree with it: the largest
    // set of matches within two pixels of one another that holds the unmarked oval's match (of
    // two as large, the tighter) speaks for the column, when it is large enough to outvote a
    // stroke beside that oval.
    private static double? AgreeingWith(double anchor, double[] values)
    {
        Array.Sort(values);
        var (bestFrom, bestCount) = (0, 0);
        for (var from = 0; from < values.Length && values[from] <= anchor; from++)
        {
            var to = from;
            while (to + 1 < values.Length && values[to + 1] - values[from] <= 2 * AgreementPx)
            {
                to++;
            }

            var (count, spread) = (to - from + 1, values[to] - values[from]);
            if (values[to] >= anchor && (count > bestCount || (count == bestCount && spread < values[bestFrom + bestCount - 1] - values[bestFrom])))
            {
                (bestFrom, bestCount) = (from, count);
            }
        }

        return bestCount >= MinimumAgreeing ? Middle(values.AsSpan(bestFrom, bestCount)) : null;
    }

    // The median of sorted values, the mean of the two middle ones when there is an even number.
    private static double Middle(ReadOnlySpan<double> sorted) =>
        (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;

    private static double UpperMedian(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static (double X, double Y) Median(List<int> members, (double X, double Y)?[] offsets)
    {
        var xs = members.Select(i => offsets[i]!.Value.X).Order().ToList();
        var ys = members.Select(i => offsets[i]!.Value.Y).Order().ToList();
        return (xs[xs.Count / 2], ys[ys.Count / 2]);
    }

    // Ovals in one printed column (or row) share a grid coordinate to within a tenth.
    private static int Key(double coordinate) => (int)Math.Round(coordinate * 10);
}
