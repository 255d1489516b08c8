using CentralCount.Election.Layout;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// How far printed ovals sit from where the timing marks put them, as printers place them: one
/// horizontal offset per column of ovals and one vertical offset per row, each the median of the
/// matches there (unmarked ovals when there are any; on a page almost all marked, all of them
/// when there are enough to outvote the marks), falling back to the page's median, then to no offset at all.
/// </summary>
internal sealed class OffsetModel
{
    private const int EnoughMarkedMatches = 8;
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

    public static OffsetModel Fit(IReadOnlyList<GridPoint> points, (double X, double Y)?[] offsets, bool[] trusted)
    {
        var snapped = Enumerable.Range(0, points.Count).Where(i => offsets[i] is not null).ToList();
        var sure = snapped.Where(i => trusted[i]).ToList();
        (double X, double Y) page = sure.Count >= 3 ? Median(sure, offsets) : snapped.Count >= 12 ? Median(snapped, offsets) : (0, 0);
        // Marked ovals speak for their column only on a page with almost no unmarked ones.
        var marksMayVote = sure.Count < 3;
        return new OffsetModel(
            Groups(snapped, sure, marksMayVote, i => Key(points[i].Column), offsets, o => o.X),
            Groups(snapped, sure, marksMayVote, i => Key(points[i].Row), offsets, o => o.Y),
            page);
    }

    private static Dictionary<int, double> Groups(List<int> snapped, List<int> sure, bool marksMayVote, Func<int, int> key, (double X, double Y)?[] offsets, Func<(double X, double Y), double> axis)
    {
        var result = new Dictionary<int, double>();
        foreach (var group in snapped.GroupBy(key))
        {
            var trusted = group.Where(sure.Contains).ToList();
            var members = trusted.Count >= 2 ? trusted : marksMayVote && group.Count() >= EnoughMarkedMatches ? [.. group] : null;
            if (members is not null)
            {
                var values = members.Select(i => axis(offsets[i]!.Value)).Order().ToList();
                result[group.Key] = values[values.Count / 2];
            }
        }

        return result;
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
