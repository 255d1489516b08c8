using System.Runtime.InteropServices;

namespace CentralCount.Imaging;

/// <summary>Facts about the loaded native shim, for diagnostics.</summary>
public static class NativeLibraryInfo
{
    /// <summary>The OpenCV version the shim was compiled against.</summary>
    public static string OpenCvVersion => Marshal.PtrToStringUTF8(NativeMethods.OpenCvVersion()) ?? "unknown";
}
