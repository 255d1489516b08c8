namespace CentralCount.Imaging;

/// <summary>
/// Lends pixel memory by size class and takes it back. A counting run decodes pages of nearly
/// the same size over and over (scanners crop a little differently each time), so a request is
/// rounded up to its class (a power of two up to 1 MiB, whole MiB above) and blocks are reused
/// rather than allocated per page; retained memory is capped so a run with odd sizes cannot
/// grow without bound.
/// </summary>
public sealed class PixelMemoryPool : IDisposable
{
    private readonly Dictionary<int, Stack<PixelMemory>> _free = [];
    private readonly Lock _gate = new();
    private readonly long _maxRetainedBytes;
    private long _retainedBytes;
    private long _outstanding;
    private long _allocations;
    private bool _disposed;

    /// <param name="maxRetainedBytes">Most bytes kept for reuse; returns beyond it are freed.</param>
    public PixelMemoryPool(long maxRetainedBytes = 64L * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetainedBytes);
        _maxRetainedBytes = maxRetainedBytes;
    }

    /// <summary>Blocks lent and not yet returned.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>Blocks allocated from the system over the pool's life (reuse does not count).</summary>
    public long Allocations => Interlocked.Read(ref _allocations);

    /// <summary>Bytes currently kept for reuse.</summary>
    public long RetainedBytes
    {
        get
        {
            lock (_gate)
            {
                return _retainedBytes;
            }
        }
    }

    /// <summary>The size of block lent for a request of <paramref name="length"/> bytes.</summary>
    public static int SizeClass(int length)
    {
        const int MiB = 1 << 20;
        return length <= MiB ? (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length) : checked((length + MiB - 1) & ~(MiB - 1));
    }

    public PixelMemory Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        length = SizeClass(length);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_free.TryGetValue(length, out var stack) && stack.TryPop(out var reused))
            {
                _retainedBytes -= length;
                _outstanding++;
                return reused;
            }

            _outstanding++;
            _allocations++;
        }

        return new PixelMemory(length);
    }

    public void Return(PixelMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        lock (_gate)
        {
            _outstanding--;
            if (!_disposed && _retainedBytes + memory.Length <= _maxRetainedBytes)
            {
                if (!_free.TryGetValue(memory.Length, out var stack))
                {
                    stack = new Stack<PixelMemory>();
                    _free[memory.Length] = stack;
                }

                stack.Push(memory);
                _retainedBytes += memory.Length;
                return;
            }
        }

        memory.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var block in _free.Values.SelectMany(s => s))
            {
                block.Dispose();
            }

            _free.Clear();
            _retainedBytes = 0;
        }
    }
}
