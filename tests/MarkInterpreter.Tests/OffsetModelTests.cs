using CentralCount.Election.Layout;
using CentralCount.MarkInterpreter.Registration;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>The printed column offset a marked oval takes, on a column where almost every oval is marked.</summary>
public sealed class OffsetModelTests
{
    private const double Limit = 6;

    [Fact]
    public void Heavy_fills_on_half_a_column_do_not_drag_it_off_the_outlines_still_visible()
    {
        // The back of a sheet within specification (4.75 degrees of skew, JPEG quality 70): one
        // unmarked oval, three partial fills whose outlines still show, four full fills each
        // pulling its match across by its own amount.
        (double X, double Y)?[] offsets =
        [
            (-0.075, 0.06), (3.09, 0.55), (-0.017, 0.09), (1.52, 0.73),
            (0.011, 0.05), (4.59, 1.56), (-0.041, 0.13), (1.69, 0.74),
        ];
        Assert.InRange(ColumnOffset(offsets, unmarked: 4), -0.1, 0.05);
    }

    [Fact]
    public void Heavy_fills_pulled_one_way_together_do_not_outvote_the_unmarked_oval()
    {
        // The back of a 1-bit sheet within specification: five full fills, four of them pulled
        // the same way by two to three pixels, against one unmarked oval and one partial fill.
        (double X, double Y)?[] offsets =
        [
            (0.33, 0), (1.89, 0.10), (-1.45, -0.78), (-2.40, 0.37),
            (-0.16, 0.58), (-2.56, 0.61), (0.07, 0.13), (-3.15, -0.05),
        ];
        Assert.InRange(ColumnOffset(offsets, unmarked: 0), -0.5, 0.33);
    }

    [Fact]
    public void With_every_oval_marked_the_outlines_showing_through_partial_marks_outvote_heavy_fills()
    {
        // The back of an upside-down sheet within specification (4.26 degrees of skew, JPEG
        // quality 90): six full fills, four pulled across by two to three pixels, two the other
        // way, and two partial fills whose outlines show.
        (double X, double Y)?[] offsets =
        [
            (2.92, -0.85), (3.07, -0.93), (1.99, -0.81), (-0.05, 0.01),
            (-0.12, 0.06), (3.02, -1.03), (-2.57, 0.94), (-1.80, 0.69),
        ];
        Assert.InRange(ColumnOffset(offsets, unmarked: null, outlined: [3, 4]), -0.12, -0.05);
    }

    [Fact]
    public void With_every_oval_marked_and_no_outline_showing_the_column_takes_the_median_of_its_matches()
    {
        (double X, double Y)?[] offsets =
        [
            (2.0, 0), (2.2, 0), (1.8, 0), (-3.0, 0),
            (2.1, 0), (1.9, 0), (-2.5, 0), (2.3, 0),
        ];
        Assert.Equal(2.0, ColumnOffset(offsets, unmarked: null), 9);
    }

    [Fact]
    public void A_column_offset_is_within_its_visible_outlines_while_they_outnumber_heavy_fills_two_to_one() =>
        // One of the outlines is an unmarked oval's; the rest show through partial marks.
        OffsetStaysWithinOutlines(Columns(8, 14, 30, outlines => (0, (outlines - 1) / 2)), oneUnmarked: true);

    [Fact]
    public void A_column_with_no_unmarked_oval_takes_an_offset_within_the_outlines_that_show_however_many_fills_pull() =>
        OffsetStaysWithinOutlines(Columns(2, 6, 50, outlines => (8 - outlines, 12)), oneUnmarked: false);

    // A column printed at a random offset: outlines matched within `spread` hundredths of a pixel
    // of it and heavy fills pulled up to 6 px either way, in a random order.
    private static Gen<(double Printed, double[] Spread, double[] Pulls, int[] Order)> Columns(int fewestOutlines, int mostOutlines, int spread, Func<int, (int Fewest, int Most)> fills) =>
        from printed in Gen.Choose(-300, 300).Select(v => v / 100.0)
        from outlines in Gen.Choose(fewestOutlines, mostOutlines)
        from offsets in Gen.ArrayOf(Gen.Choose(-spread, spread).Select(v => v / 100.0), outlines)
        from count in Gen.Choose(fills(outlines).Fewest, fills(outlines).Most)
        from pulls in Gen.ArrayOf(Gen.Choose(-600, 600).Select(v => v / 100.0), count)
        from order in Gen.Shuffle(Enumerable.Range(0, outlines + count).ToArray())
        select (printed, offsets, pulls, order);

    private static void OffsetStaysWithinOutlines(Gen<(double Printed, double[] Spread, double[] Pulls, int[] Order)> columns, bool oneUnmarked) =>
        Prop.ForAll(Arb.From(columns), c =>
        {
            var values = c.Spread.Select(s => c.Printed + s).Concat(c.Pulls.Select(p => c.Printed + p)).ToArray();
            var offsets = c.Order.Select(i => ((double X, double Y)?)(values[i], 0)).ToArray();
            var column = Column(offsets.Length);
            var trusted = c.Order.Select(i => oneUnmarked && i == 0).ToArray();
            var outlined = c.Order.Select(i => i < c.Spread.Length).ToArray();

            // With an unmarked oval, only it is named as an outline: its rule alone must hold.
            var x = OffsetModel.Fit(column, offsets, trusted, oneUnmarked ? trusted : outlined).At(column[0], Limit).X;

            var outline = c.Spread.Select(s => c.Printed + s).ToArray();
            return (x >= outline.Min() - 1e-9 && x <= outline.Max() + 1e-9)
                .Label($"printed {c.Printed}, outlines [{outline.Min():F2}, {outline.Max():F2}], fills [{string.Join(", ", c.Pulls)}]: {x:F2}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    // The offset across that the column's marked ovals take, with at most one unmarked oval among
    // them; only the unmarked oval shows its outline unless others are named.
    private static double ColumnOffset((double X, double Y)?[] offsets, int? unmarked, int[]? outlined = null)
    {
        var column = Column(offsets.Length);
        var trusted = new bool[offsets.Length];
        if (unmarked is { } u)
        {
            trusted[u] = true;
        }

        var showing = (bool[])trusted.Clone();
        foreach (var i in outlined ?? [])
        {
            showing[i] = true;
        }

        return OffsetModel.Fit(column, offsets, trusted, showing).At(column[0], Limit).X;
    }

    private static GridPoint[] Column(int count) => [.. Enumerable.Range(0, count).Select(i => new GridPoint(1.85, 9.65 + (1.4 * i)))];
}
