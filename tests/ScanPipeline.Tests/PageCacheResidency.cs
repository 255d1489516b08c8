using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace CentralCount.ScanPipeline.Tests;

/// <summary>How many bytes of a file the kernel holds in its page cache (mincore over a mapping of it).</summary>
internal static partial class PageCacheResidency
{
    public static long ResidentBytes(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return 0;
        }

        const int Page = 4096;
        var pages = (int)((length + Page - 1) / Page);
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        var vector = Marshal.AllocHGlobal(pages);
        try
        {
            // Mapping a file reads none of it; mincore then reports which pages the cache already holds.
            var start = view.SafeMemoryMappedViewHandle.DangerousGetHandle() + (nint)view.PointerOffset;
            if (MinCore(start, (nuint)length, vector) != 0)
            {
                throw new IOException($"mincore failed on {path}: {Marshal.GetLastPInvokeErrorMessage()}");
            }

            var resident = 0;
            for (var i = 0; i < pages; i++)
            {
                resident += Marshal.ReadByte(vector, i) & 1;
            }

            return (long)resident * Page;
        }
        finally
        {
            Marshal.FreeHGlobal(vector);
        }
    }

    [LibraryImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static partial int MinCore(nint start, nuint length, nint vector);
}
