using System.Runtime.InteropServices;

namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>
/// Lets the kernel drop a file already on the disk from its page cache (posix_fadvise DONTNEED).
/// Kept images are written once and read rarely, so holding them in memory only crowds out what
/// the count does use; and the kernel hands the freed pages to the next images it writes, which
/// costs a good deal less than filling never-used memory (several times less on virtual machines).
/// </summary>
internal static partial class PageCacheRelease
{
    private const int DontNeed = 4;

    /// <summary>Advice only: a file that cannot be opened or advised is simply left cached.</summary>
    public static void Release(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            _ = Advise(handle.DangerousGetHandle().ToInt32(), 0, 0, DontNeed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The image is on the disk either way; only the memory it holds is at stake.
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Advise(int fd, long offset, long length, int advice);
}
