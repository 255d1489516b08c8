using System.CommandLine;
using CentralCount.Cli.Commands;

var root = new RootCommand("CentralCount: central-count tabulation and ballot-image adjudication.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(InspectImageCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(ElectionCommand.Create());
root.Subcommands.Add(TestDeckCommand.Create());
root.Subcommands.Add(InterpretCommand.Create());
return await root.Parse(args).InvokeAsync();
