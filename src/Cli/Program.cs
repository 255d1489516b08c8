using System.CommandLine;
using CentralCount.Cli;
using CentralCount.Cli.Commands;

var root = new RootCommand("CentralCount: central-count tabulation and ballot-image adjudication.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(InspectImageCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(ElectionCommand.Create());
root.Subcommands.Add(TestDeckCommand.Create());
root.Subcommands.Add(InterpretCommand.Create());
root.Subcommands.Add(ScanCommand.Create());
root.Subcommands.Add(TallyCommand.Create());
root.Subcommands.Add(ReconcileCommand.Create("reconcile"));
root.Subcommands.Add(ReconcileCommand.Create("batches"));
root.Subcommands.Add(AuditLogCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(ExportCommand.CreateRecount());
root.Subcommands.Add(AccountsCommand.Create());
root.Subcommands.Add(AccountsCommand.CreateBoards());
try
{
    // Failures of the file system reach the operator as one line naming the path, not a stack trace.
    // Ctrl+C or SIGTERM cancels the running command, which says where it stopped (a scan: every
    // sheet recorded so far is kept); a command that has not ended ten seconds later is ended.
    var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
    return await root.Parse(args).InvokeAsync(invocation);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"centralcount: {e.Message}");
    return ExitCodes.BadInput;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("centralcount: stopped");
    return ExitCodes.Stopped;
}
catch (Exception e)
{
    // A fault of the program itself: everything it shows goes into the report of the fault.
    await Console.Error.WriteLineAsync($"centralcount: internal error, please report it with what follows: {e}");
    return ExitCodes.InternalError;
}
