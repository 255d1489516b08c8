using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CentralCount.ScanPipeline.Ingest;

/// <summary>
/// Which file, and which version of it: the file system and inode it lives on, its length and
/// the moment it was last written (statx). Two equal identities are one file not written in between.
/// </summary>
public readonly partial record struct FileIdentity(uint DeviceMajor, uint DeviceMinor, ulong Inode, long Length, long WrittenSeconds, uint WrittenNanoseconds)
{
    private const int CurrentFolder = -100;
    private const int EmptyPath = 0x1000;
    private const int NoFollow = 0x100;
    private const uint BasicStats = 0x7ff;

    // struct statx is laid out the same on every architecture Linux runs .NET on.
    private const int StatxSize = 256;
    private const int InodeAt = 32;
    private const int SizeAt = 40;
    private const int WrittenAt = 112;
    private const int DeviceMajorAt = 136;
    private const int DeviceMinorAt = 140;

    /// <summary>The identity of an open file; null when the system cannot say.</summary>
    public static FileIdentity? Of(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Query(handle.DangerousGetHandle().ToInt32(), "", EmptyPath);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>The identity of the file a path names (not following a final symbolic link); null when there is none.</summary>
    public static FileIdentity? Of(string path) => Query(CurrentFolder, path, NoFollow);

    private static FileIdentity? Query(int folder, string path, int flags)
    {
        Span<byte> fields = stackalloc byte[StatxSize];
        if (Statx(folder, path, flags, BasicStats, ref MemoryMarshal.GetReference(fields)) != 0)
        {
            return null;
        }

        return new FileIdentity(
            MemoryMarshal.Read<uint>(fields[DeviceMajorAt..]),
            MemoryMarshal.Read<uint>(fields[DeviceMinorAt..]),
            MemoryMarshal.Read<ulong>(fields[InodeAt..]),
            MemoryMarshal.Read<long>(fields[SizeAt..]),
            MemoryMarshal.Read<long>(fields[WrittenAt..]),
            MemoryMarshal.Read<uint>(fields[(WrittenAt + 8)..]));
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, ref byte buffer);
}
