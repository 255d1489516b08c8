namespace CentralCount.Imaging;

/// <summary>Pixel interpolation for resampling.</summary>
public enum Interpolation
{
    Nearest = 0,
    Linear = 1,
    Cubic = 2,
}

/// <summary>
/// Whole-image resampling and filtering, for the scanner simulator and board crops. The
/// counting hot path never calls these: it samples through a page geometry instead.
/// </summary>
public static unsafe class ImageTransforms
{
    /// <summary>
    /// Fills <paramref name="destination"/> with <paramref name="source"/> mapped through the 2 × 3
    /// matrix (destination = M · source); uncovered pixels take <paramref name="border"/>.
    /// </summary>
    public static void WarpAffine(PixelImage source, PixelImage destination, ReadOnlySpan<double> matrix, Interpolation interpolation = Interpolation.Linear, byte border = 255)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (matrix.Length != 6)
        {
            throw new ArgumentException("an affine matrix has 6 elements", nameof(matrix));
        }

        NativeStatus status;
        fixed (double* m = matrix)
        {
            status = NativeMethods.WarpAffine(source.View, destination.View, m, (int)interpolation, border);
        }

        Done(status, source, destination);
    }

    /// <summary>destination(x, y) = source(mapX(x, y), mapY(x, y)); maps are destination-sized.</summary>
    public static void Remap(PixelImage source, PixelImage destination, ReadOnlySpan<float> mapX, ReadOnlySpan<float> mapY, Interpolation interpolation = Interpolation.Linear, byte border = 255)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var cells = destination.Width * destination.Height;
        if (mapX.Length != cells || mapY.Length != cells)
        {
            throw new ArgumentException("maps must have one entry per destination pixel");
        }

        NativeStatus status;
        fixed (float* mx = mapX)
        fixed (float* my = mapY)
        {
            status = NativeMethods.Remap(source.View, destination.View, mx, my, (int)interpolation, border);
        }

        Done(status, source, destination);
    }

    public static void GaussianBlur(PixelImage source, PixelImage destination, double sigma)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        Done(NativeMethods.GaussianBlur(source.View, destination.View, sigma), source, destination);
    }

    /// <summary>Converts a colour image to grey with the same luma weights a scanner uses.</summary>
    public static void ToGray(PixelImage source, PixelImage destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        Done(NativeMethods.ToGray(source.View, destination.View), source, destination);
    }

    private static void Done(NativeStatus status, PixelImage source, PixelImage destination)
    {
        GC.KeepAlive(source);
        GC.KeepAlive(destination);
        NativeErrors.ThrowIfFailed(status, "image transform");
    }
}
