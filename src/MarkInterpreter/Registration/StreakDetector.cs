using System.Numerics;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// Finds vertical scanner streaks: image columns dark from the top of the page to the bottom.
/// Printing never does that (contest borders stop at the heading and the footer), a dirty
/// scanner glass does. Samples a few dozen rows, so it costs a fraction of a millisecond.
/// </summary>
public static class StreakDetector
{
    private const int SampleRows = 48;

    public static IReadOnlyList<int> Find(PixelImage image, byte threshold = 110)
    {
        ArgumentNullException.ThrowIfNull(image);
        Span<byte> counts = image.Width <= 8192 ? stackalloc byte[image.Width] : new byte[image.Width];
        counts.Clear();
        for (var s = 0; s < SampleRows; s++)
        {
            var y = (int)(image.Height * (0.04 + (0.92 * s / (SampleRows - 1))));
            var row = image.Row(y);
            var x = 0;
            if (Vector.IsHardwareAccelerated)
            {
                // A lane that compares true is all ones, so taking it away adds one.
                var below = new Vector<byte>(threshold);
                for (; x + Vector<byte>.Count <= row.Length; x += Vector<byte>.Count)
                {
                    var tally = new Vector<byte>(counts[x..]);
                    (tally - Vector.LessThan(new Vector<byte>(row[x..]), below)).CopyTo(counts[x..]);
                }
            }

            for (; x < row.Length; x++)
            {
                counts[x] += row[x] < threshold ? (byte)1 : (byte)0;
            }
        }

        var streaks = new List<int>();
        for (var x = 0; x < counts.Length; x++)
        {
            if (counts[x] >= SampleRows - 1)
            {
                streaks.Add(x);
            }
        }

        return streaks;
    }
}
