using System.CommandLine;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Cli.Commands;

/// <summary>The <c>--store</c> option shared by the counting commands, and opening the store with a clear message.</summary>
internal static class StoreOption
{
    public const string DefaultPath = "count/count.db";

    public static Option<FileInfo> Create() => new("--store")
    {
        Description = $"The count store (SQLite file; images are kept beside it). Default: {DefaultPath}.",
        DefaultValueFactory = _ => new FileInfo(DefaultPath),
    };

    /// <summary>
    /// Opens the store; prints why and returns null when it cannot be used. With <paramref name="needElection"/>,
    /// a store without an election is refused too. Only <paramref name="create"/> (loading an election) may make a
    /// new store: anywhere else a mistyped path must not become an empty count that looks whole.
    /// </summary>
    public static CountStore? TryOpen(FileInfo file, bool needElection = true, bool create = false)
    {
        if (!create && !Exists(file))
        {
            return null;
        }

        try
        {
            var store = CountStore.Open(file.FullName);
            if (needElection && store.Election is null)
            {
                Console.Error.WriteLine($"{file.FullName}: no election loaded; run: centralcount election load --store {file} ELECTION.json");
                store.Dispose();
                return null;
            }

            return store;
        }
        catch (CountStoreException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>True when the store file is there; otherwise says so, and how a count begins.</summary>
    public static bool Exists(FileInfo file)
    {
        if (File.Exists(file.FullName))
        {
            return true;
        }

        Console.Error.WriteLine($"{file.FullName}: no count store here. A count begins with: centralcount election load --store {file} ELECTION.json");
        return false;
    }
}
