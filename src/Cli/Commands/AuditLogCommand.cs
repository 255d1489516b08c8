using System.CommandLine;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount audit-log show|verify</c>: the hash-chained audit log of the count store.</summary>
internal static class AuditLogCommand
{
    public static Command Create()
    {
        var command = new Command("audit-log", "Show or verify the count store's append-only audit log.");
        var store = StoreOption.Create();
        var verify = new Command("verify", "Check every entry's hash and its link to the entry before: any change, removal or reordering is found.") { store };
        verify.SetAction(parse => Verify(parse.GetValue(store)!));
        command.Subcommands.Add(verify);
        var last = new Option<int>("--last") { Description = "How many of the newest entries to show.", DefaultValueFactory = _ => 20 };
        var show = new Command("show", "Print the newest entries.") { store, last };
        show.SetAction(parse => Show(parse.GetValue(store)!, parse.GetValue(last)));
        command.Subcommands.Add(show);
        return command;
    }

    private static int Verify(FileInfo storeFile)
    {
        using var store = StoreOption.TryOpen(storeFile, needElection: false);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        var entries = store.AuditLog();
        var problem = AuditChain.FirstBreak(entries);
        if (problem is not null)
        {
            Console.Error.WriteLine($"audit log BROKEN: {problem}");
            return ExitCodes.CheckFailed;
        }

        Console.WriteLine($"audit log intact: {entries.Count} entries, head {(entries.Count == 0 ? AuditChain.Genesis : entries[^1].Hash)}");
        return ExitCodes.Success;
    }

    private static int Show(FileInfo storeFile, int last)
    {
        using var store = StoreOption.TryOpen(storeFile, needElection: false);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        foreach (var e in store.AuditLog().TakeLast(Math.Max(1, last)))
        {
            Console.WriteLine($"{e.Seq,7} {e.At} {e.Kind,-16} {e.Detail}");
        }

        return ExitCodes.Success;
    }
}
