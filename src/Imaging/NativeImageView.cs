using System.Runtime.InteropServices;

namespace CentralCount.Imaging;

/// <summary>The shim's view of caller-owned pixels (mirrors <c>cc_image</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct NativeImageView
{
    public readonly nint Data;
    public readonly int Width;
    public readonly int Height;
    public readonly int Stride;
    public readonly int Channels;

    public NativeImageView(nint data, int width, int height, int stride, int channels)
    {
        Data = data;
        Width = width;
        Height = height;
        Stride = stride;
        Channels = channels;
    }
}

/// <summary>One connected component as the shim reports it (mirrors <c>cc_component</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeComponent
{
    public int Left;
    public int Top;
    public int Width;
    public int Height;
    public int Area;
    public double CenterX;
    public double CenterY;
}
