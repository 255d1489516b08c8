using System.Runtime.InteropServices;

namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>Writes everything the kernel still holds in memory for one file system to the disk (syncfs).</summary>
internal static partial class FileSystemFlush
{
    private const int ReadOnly = 0;

    /// <summary>Returns once every file written on the file system holding <paramref name="folder"/> is on the disk.</summary>
    public static void Flush(string folder)
    {
        // One call for the whole file system costs one journal commit however many images a
        // group of sheets wrote; an fsync per file would cost one each.
        var fd = Open(folder, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Could not open {folder} to write its images to disk: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        try
        {
            if (SyncFs(fd) != 0)
            {
                throw new IOException($"Could not write the images in {folder} to disk: {Marshal.GetLastPInvokeErrorMessage()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
