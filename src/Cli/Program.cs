using System.CommandLine;
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
root.Subcommands.Add(AccountsCommand.Create());
root.Subcommands.Add(AccountsCommand.CreateBoards());
return await root.Parse(args).InvokeAsync();
