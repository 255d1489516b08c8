using System.Runtime.InteropServices;

namespace CentralCount.Imaging;

/// <summary>
/// A block of unmanaged pixel memory. It never moves, so the shim can write into it without
/// pinning, and the finalizer frees it if an owner forgets to give it back.
/// </summary>
public sealed unsafe class PixelMemory : SafeHandle
{
    private const nuint Alignment = 64;

    internal PixelMemory(int length)
        : base(nint.Zero, ownsHandle: true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
        SetHandle((nint)NativeMemory.AlignedAlloc((nuint)length, Alignment));
        GC.AddMemoryPressure(length);
    }

    /// <summary>Usable length in bytes.</summary>
    public int Length { get; }

    public override bool IsInvalid => handle == nint.Zero;

    internal byte* Pointer => (byte*)handle;

    public Span<byte> Span => new((void*)handle, Length);

    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        GC.RemoveMemoryPressure(Length);
        return true;
    }
}
