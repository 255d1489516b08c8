using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.Imaging.Tests;

public sealed class RowSumsTests
{
    [Fact]
    public void Ink_weight_and_moment_equal_the_pixel_by_pixel_sums_for_any_run()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, 200)), Arb.From(Gen.Choose(0, 255)), Arb.From(Gen.Choose(0, int.MaxValue)), (length, paper, seed) =>
        {
            var run = Run(length, seed);
            long weight = 0, moment = 0;
            for (var i = 0; i < run.Length; i++)
            {
                var w = Math.Max(0, paper - run[i]);
                weight += w;
                moment += (long)w * i;
            }

            return RowSums.InkWeight(run, (byte)paper) == (weight, moment);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Count_below_equals_the_pixel_by_pixel_count_for_any_run()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, 200)), Arb.From(Gen.Choose(0, 255)), Arb.From(Gen.Choose(0, int.MaxValue)), (length, threshold, seed) =>
        {
            var run = Run(length, seed);
            return RowSums.CountBelow(run, (byte)threshold) == run.Count(p => p < threshold);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_run_of_black_weighs_the_paper_level_a_pixel_and_its_moment_is_about_its_start()
    {
        var run = new byte[37];
        Assert.Equal((37L * 200, 200L * (36 * 37 / 2)), RowSums.InkWeight(run, 200));
        Assert.Equal(37, RowSums.CountBelow(run, 1));
        Assert.Equal(0, RowSums.CountBelow(run, 0));
    }

    // Runs mixing paper, ink and the levels either side of a threshold, so masked tails matter.
    private static byte[] Run(int length, int seed)
    {
        var random = new Random(seed);
        var run = new byte[length];
        for (var i = 0; i < length; i++)
        {
            run[i] = random.Next(4) switch
            {
                0 => (byte)random.Next(0, 40),
                1 => (byte)random.Next(220, 256),
                _ => (byte)random.Next(256),
            };
        }

        return run;
    }
}
