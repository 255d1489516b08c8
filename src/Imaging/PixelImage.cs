namespace CentralCount.Imaging;

/// <summary>How a pixel is stored: one grey byte, or three bytes in blue-green-red order.</summary>
public enum PixelLayout
{
    Gray8 = 1,
    Bgr24 = 3,
}

/// <summary>
/// An 8-bit image in pooled unmanaged memory. Rows are reached as spans; disposing gives the
/// memory back to its pool. Not thread-safe for writing; any number of readers is fine.
/// </summary>
public sealed unsafe class PixelImage : IDisposable
{
    private readonly PixelMemoryPool? _pool;
    private PixelMemory? _memory;

    private PixelImage(PixelMemoryPool? pool, PixelMemory memory, int width, int height, PixelLayout layout)
    {
        _pool = pool;
        _memory = memory;
        Width = width;
        Height = height;
        Layout = layout;
        Stride = width * (int)layout;
    }

    public int Width { get; }

    public int Height { get; }

    public PixelLayout Layout { get; }

    public int Channels => (int)Layout;

    /// <summary>Bytes from the start of one row to the next.</summary>
    public int Stride { get; }

    /// <summary>Allocates an image, from the pool when one is given, filled with <paramref name="fill"/>.</summary>
    public static PixelImage Create(int width, int height, PixelLayout layout, PixelMemoryPool? pool = null, byte? fill = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var length = checked(width * height * (int)layout);
        var memory = pool is null ? new PixelMemory(length) : pool.Rent(length);
        var image = new PixelImage(pool, memory, width, height, layout);
        if (fill is { } value)
        {
            image.Pixels.Fill(value);
        }

        return image;
    }

    /// <summary>All pixels, row after row (rows are contiguous: stride is width × channels).</summary>
    public Span<byte> Pixels => Memory.Span[..(Stride * Height)];

    public Span<byte> Row(int y)
    {
        if ((uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"row outside 0..{Height - 1}");
        }

        return new Span<byte>(Memory.Pointer + ((long)y * Stride), Stride);
    }

    /// <summary>
    /// Asks the processor to bring a rectangle of pixels (bounds inclusive) into its cache ahead
    /// of use: a hint only, ignored where the processor has no such instruction; parts off the
    /// image are skipped.
    /// </summary>
    public void Prefetch(int x0, int y0, int x1, int y1)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            return;
        }

        var (from, to) = (Math.Max(0, x0) * Channels, (Math.Min(Width - 1, x1) * Channels) + Channels - 1);
        if (from > to)
        {
            return;
        }

        for (var y = Math.Max(0, y0); y <= Math.Min(Height - 1, y1); y++)
        {
            var row = Memory.Pointer + ((long)y * Stride);
            for (var x = from; x <= to; x += 64)
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(row + x);
            }

            System.Runtime.Intrinsics.X86.Sse.Prefetch0(row + to);
        }
    }

    /// <summary>The grey value at (x, y) of a grey image.</summary>
    public byte GrayAt(int x, int y)
    {
        if (Layout != PixelLayout.Gray8)
        {
            throw new InvalidOperationException("GrayAt needs a grey image");
        }

        if ((uint)x >= (uint)Width)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"column outside 0..{Width - 1}");
        }

        return Row(y)[x];
    }

    /// <summary>A copy of the pixels in a new image from the same pool.</summary>
    public PixelImage Clone()
    {
        var copy = Create(Width, Height, Layout, _pool);
        Pixels.CopyTo(copy.Pixels);
        return copy;
    }

    internal NativeImageView View => new((nint)Memory.Pointer, Width, Height, Stride, Channels);

    private PixelMemory Memory => _memory ?? throw new ObjectDisposedException(nameof(PixelImage));

    public void Dispose()
    {
        var memory = Interlocked.Exchange(ref _memory, null);
        if (memory is null)
        {
            return;
        }

        if (_pool is null)
        {
            memory.Dispose();
        }
        else
        {
            _pool.Return(memory);
        }
    }
}
