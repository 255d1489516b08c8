using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>A streak is a column dark in all but at most one of the rows the detector samples, at any image width.</summary>
public sealed class StreakDetectorTests
{
    private const int SampleRows = 48;

    [Fact]
    public void A_column_is_a_streak_exactly_when_it_is_dark_in_all_but_one_sampled_row_at_most() =>
        Prop.ForAll(Arb.From(Pages()), p =>
        {
            using var image = PixelImage.Create(p.Width, p.Height, PixelLayout.Gray8, fill: 230);
            var rows = SampledRows(p.Height);
            var expected = new List<int>();
            for (var i = 0; i < p.Columns.Length; i++)
            {
                var x = p.Columns[i];
                if (expected.Contains(x))
                {
                    continue;
                }

                // Light in `p.Gaps[i]` of the sampled rows (a gap may fall on a row sampled twice).
                var light = rows.Distinct().Take(p.Gaps[i]).ToHashSet();
                for (var y = 0; y < p.Height; y++)
                {
                    image.Row(y)[x] = light.Contains(y) ? (byte)230 : p.Shade;
                }

                if (rows.Count(y => light.Contains(y)) <= 1)
                {
                    expected.Add(x);
                }
            }

            // Print that stops short of the page, as a contest border does, is never a streak.
            var border = p.Width / 2;
            if (!p.Columns.Contains(border))
            {
                for (var y = p.Height / 10; y < p.Height * 9 / 10; y++)
                {
                    image.Row(y)[border] = 0;
                }
            }

            expected.Sort();
            var found = StreakDetector.Find(image);
            return found.SequenceEqual(expected).Label($"{p.Width}x{p.Height}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    // Widths that leave every remainder over the processor's vector length; dark columns anywhere,
    // each light in 0-3 of the sampled rows, at a shade just below the threshold or far below it.
    private static Gen<(int Width, int Height, int[] Columns, int[] Gaps, byte Shade)> Pages() =>
        from width in Gen.Choose(1, 300)
        from height in Gen.Choose(SampleRows, 400)
        from count in Gen.Choose(0, 6)
        from columns in Gen.ArrayOf(Gen.Choose(0, width - 1), count)
        from gaps in Gen.ArrayOf(Gen.Choose(0, 3), count)
        from shade in Gen.Elements((byte)0, (byte)60, (byte)109)
        select (width, height, columns, gaps, shade);

    private static int[] SampledRows(int height) =>
        [.. Enumerable.Range(0, SampleRows).Select(s => (int)(height * (0.04 + (0.92 * s / (SampleRows - 1)))))];
}
