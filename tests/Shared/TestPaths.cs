namespace CentralCount.Tests;

/// <summary>Locates the repository and the shared fixtures beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The real VxSuite scans (GPL-3.0 fixtures), read in place.</summary>
    public static string HudsonScans => Path.Combine(RepoRoot, "..", "shared", "data", "vxsuite-nh-hudson");

    public static string Hudson(string file)
    {
        var path = Path.Combine(HudsonScans, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"shared fixture missing: {path} (the shared/ folder must sit beside the repository)", path);
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CentralCount.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("could not find CentralCount.sln above " + AppContext.BaseDirectory);
    }
}
