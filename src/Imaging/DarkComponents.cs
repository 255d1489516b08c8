using System.Buffers;

namespace CentralCount.Imaging;

/// <summary>A connected blob of dark pixels with its bounding box, area and centroid.</summary>
public readonly record struct DarkComponent(PixelRect Bounds, int Area, double CenterX, double CenterY);

/// <summary>Finds connected components of pixels darker than a threshold inside a region.</summary>
public static unsafe class DarkComponents
{
    /// <summary>
    /// Writes up to <c>output.Length</c> components and returns how many the region holds
    /// (which may be more than were written).
    /// </summary>
    /// <param name="shrink">Label the region shrunk by this integer factor (area-averaged) first: much faster for large marks; results are in full-size coordinates, centroids to within about a pixel.</param>
    public static int Find(PixelImage image, PixelRect region, byte threshold, Span<DarkComponent> output, bool eightConnected = true, int shrink = 1)
    {
        ArgumentNullException.ThrowIfNull(image);
        ImageEncoder.RequireGray(image);
        const int StackLimit = 256;
        var capacity = output.Length;
        NativeComponent[]? rented = null;
        var scratch = capacity <= StackLimit
            ? stackalloc NativeComponent[capacity]
            : (rented = ArrayPool<NativeComponent>.Shared.Rent(capacity)).AsSpan(0, capacity);
        int count;
        NativeStatus status;
        fixed (NativeComponent* raw = scratch)
        {
            status = NativeMethods.DarkComponents(image.View, region.X, region.Y, region.Width, region.Height, threshold,
                eightConnected ? 8 : 4, shrink, raw, capacity, out count);
        }

        GC.KeepAlive(image);
        if (status != NativeStatus.Capacity)
        {
            NativeErrors.ThrowIfFailed(status, "connected components");
        }

        var written = Math.Min(count, capacity);
        for (var i = 0; i < written; i++)
        {
            ref readonly var c = ref scratch[i];
            output[i] = new DarkComponent(new PixelRect(c.Left, c.Top, c.Width, c.Height), c.Area, c.CenterX, c.CenterY);
        }

        if (rented is not null)
        {
            ArrayPool<NativeComponent>.Shared.Return(rented);
        }

        return count;
    }

    /// <summary>All components of the region as a list (allocates; for tools and tests).</summary>
    public static IReadOnlyList<DarkComponent> FindAll(PixelImage image, PixelRect region, byte threshold, bool eightConnected = true)
    {
        var buffer = new DarkComponent[64];
        var count = Find(image, region, threshold, buffer, eightConnected);
        if (count > buffer.Length)
        {
            buffer = new DarkComponent[count];
            count = Find(image, region, threshold, buffer, eightConnected);
        }

        return buffer[..count];
    }
}
