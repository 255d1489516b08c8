using System.Runtime.InteropServices;
using CentralCount.ScanPipeline.Ingest;

namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>
/// Keeps a scanned file by giving it a second name in the images folder (a hard link) instead of
/// writing its bytes again, and takes away the right to write to it. Only the very file that was
/// read and hashed, unchanged since, is linked; anything else is left for a copy.
/// </summary>
internal static partial class LinkScannedFile
{
    private const int CurrentFolder = -100;
    private const int FollowLink = 0x400;

    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>
    /// Links <paramref name="scanned"/> as <paramref name="kept"/> (a name not in use) when it is
    /// still the file <paramref name="read"/> describes; false, with nothing left at
    /// <paramref name="kept"/>, when it cannot be (another file system, another owner, changed).
    /// </summary>
    public static bool TryLink(string scanned, string kept, FileIdentity read)
    {
        if (!OperatingSystem.IsLinux() || LinkAt(CurrentFolder, scanned, CurrentFolder, kept, FollowLink) != 0)
        {
            return false;
        }

        try
        {
            if (FileIdentity.Of(kept) == read)
            {
                // The scanned file and the kept image are one file now: a scanner, an editor or a
                // careless copy writing into the scanned file would change the counted image. Once
                // nobody may write to it, such a write fails instead.
                File.SetUnixFileMode(kept, File.GetUnixFileMode(kept) & ~AnyWrite);

                // A write that slipped in before the mode changed shows in the identity.
                if (FileIdentity.Of(kept) == read)
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not the owner of the scanned file, say: it cannot be made safe to share, so it is copied.
        }

        File.Delete(kept);
        return false;
    }

    [LibraryImport("libc", EntryPoint = "linkat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkAt(int oldFolder, string oldPath, int newFolder, string newPath, int flags);
}
