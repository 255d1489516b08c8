using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// The timing-mark border as found on an image, in the image's own orientation: the four edge
/// lines, their corners, and each mark's centre by index (null where a mark is missing).
/// </summary>
public sealed record TimingMarkBorder(
    PointF TopLeft,
    PointF TopRight,
    PointF BottomLeft,
    PointF BottomRight,
    IReadOnlyList<PointF?> Top,
    IReadOnlyList<PointF?> Bottom,
    IReadOnlyList<PointF?> Left,
    IReadOnlyList<PointF?> Right)
{
    public int Found => Top.Count(p => p is not null) + Bottom.Count(p => p is not null) + Left.Count(p => p is not null) + Right.Count(p => p is not null);

    public int Expected => Top.Count + Bottom.Count + Left.Count + Right.Count;

    /// <summary>The longest run of consecutive missing marks along an edge.</summary>
    public static int LongestGap(IReadOnlyList<PointF?> marks)
    {
        var longest = 0;
        var run = 0;
        foreach (var mark in marks)
        {
            run = mark is null ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    public static int Count(IReadOnlyList<PointF?> marks) => marks.Count(p => p is not null);
}

/// <summary>Outcome of looking for the border: the border, or why there is none.</summary>
public sealed record BorderSearch(TimingMarkBorder? Border, PageReject? Reject, double PixelsPerInch);
