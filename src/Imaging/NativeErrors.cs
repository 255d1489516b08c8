using System.Runtime.InteropServices;

namespace CentralCount.Imaging;

/// <summary>Turns a native status into the typed exception that describes it.</summary>
internal static class NativeErrors
{
    public static void ThrowIfFailed(NativeStatus status, string origin)
    {
        if (status == NativeStatus.Ok)
        {
            return;
        }

        throw Describe(status, origin);
    }

    public static ImagingException Describe(NativeStatus status, string origin)
    {
        var message = Marshal.PtrToStringUTF8(NativeMethods.LastError());
        if (string.IsNullOrEmpty(message))
        {
            message = $"native imaging call failed with status {status}";
        }

        return status switch
        {
            NativeStatus.Unsupported => new UnsupportedImageFormatException(origin, message),
            NativeStatus.Corrupt or NativeStatus.SizeMismatch => new CorruptImageException(origin, message),
            _ => new NativeImagingException(origin, $"{message} (status {status})"),
        };
    }
}
