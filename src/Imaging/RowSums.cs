using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CentralCount.Imaging;

/// <summary>
/// Sums over a run of grey pixels, sixteen at a time: the inner loops that weigh a timing mark's
/// ink run for every mark of every page, where a pixel-by-pixel loop costs more than the search.
/// </summary>
public static class RowSums
{
    private const int Width = 16;

    /// <summary>
    /// The ink weight of a run, each pixel weighing how far it is darker than the paper level
    /// (max(0, paper − p)), and the weights' first moment about the run's start (Σ weight·i).
    /// </summary>
    public static (long Weight, long Moment) InkWeight(ReadOnlySpan<byte> run, byte paper)
    {
        long weight = 0, moment = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated && run.Length >= Width)
        {
            ref var start = ref MemoryMarshal.GetReference(run);
            var level = Vector128.Create(paper);
            for (; i <= run.Length - Width; i += Width)
            {
                var (w, m) = Chunk(Vector128.LoadUnsafe(ref start, (nuint)i), level, Vector128<byte>.AllBitsSet);
                weight += w;
                moment += m + ((long)i * w);
            }

            if (i < run.Length)
            {
                // The last sixteen pixels, with those already summed masked out.
                var last = run.Length - Width;
                var keep = Vector128.GreaterThanOrEqual(Lanes, Vector128.Create((byte)(i - last)));
                var (w, m) = Chunk(Vector128.LoadUnsafe(ref start, (nuint)last), level, keep);
                weight += w;
                moment += m + ((long)last * w);
                i = run.Length;
            }
        }

        for (; i < run.Length; i++)
        {
            var w = Math.Max(0, paper - run[i]);
            weight += w;
            moment += (long)w * i;
        }

        return (weight, moment);
    }

    /// <summary>How many pixels of a run are darker than a threshold (p &lt; threshold).</summary>
    public static int CountBelow(ReadOnlySpan<byte> run, byte threshold)
    {
        var count = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated && run.Length >= Width)
        {
            ref var start = ref MemoryMarshal.GetReference(run);
            var level = Vector128.Create(threshold);
            for (; i <= run.Length - Width; i += Width)
            {
                count += BitOperations.PopCount(Vector128.LessThan(Vector128.LoadUnsafe(ref start, (nuint)i), level).ExtractMostSignificantBits());
            }

            if (i < run.Length)
            {
                var last = run.Length - Width;
                var below = Vector128.LessThan(Vector128.LoadUnsafe(ref start, (nuint)last), level)
                    & Vector128.GreaterThanOrEqual(Lanes, Vector128.Create((byte)(i - last)));
                count += BitOperations.PopCount(below.ExtractMostSignificantBits());
                i = run.Length;
            }
        }

        for (; i < run.Length; i++)
        {
            count += run[i] < threshold ? 1 : 0;
        }

        return count;
    }

    private static Vector128<byte> Lanes => Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    // Weights of sixteen pixels and their moment about the first: a weight times its index fits
    // a ushort lane (255·15), and the lanes are widened before they are added up.
    private static (int Weight, int Moment) Chunk(Vector128<byte> pixels, Vector128<byte> level, Vector128<byte> keep)
    {
        var w = (Vector128.Max(level, pixels) - pixels) & keep;
        var (low, high) = Vector128.Widen(w);
        var weight = Vector128.Sum(Vector128.WidenLower(low + high)) + Vector128.Sum(Vector128.WidenUpper(low + high));
        var moment = Vector128.Sum(Vector128.WidenLower(low * LowIndex) + Vector128.WidenLower(high * HighIndex))
            + Vector128.Sum(Vector128.WidenUpper(low * LowIndex) + Vector128.WidenUpper(high * HighIndex));
        return ((int)weight, (int)moment);
    }

    private static Vector128<ushort> LowIndex => Vector128.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7);

    private static Vector128<ushort> HighIndex => Vector128.Create((ushort)8, 9, 10, 11, 12, 13, 14, 15);
}
