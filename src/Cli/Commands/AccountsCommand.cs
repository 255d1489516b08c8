using System.CommandLine;
using CentralCount.Adjudication.Accounts;
using CentralCount.Adjudication.Store;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount accounts add|list</c> and <c>centralcount boards add|list</c>: the people of the board service, from the console.</summary>
internal static class AccountsCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var name = new Option<string>("--name") { Description = "Account name: 2-40 lower-case letters, digits, '.', '-' or '_'.", Required = true };
        var display = new Option<string?>("--display-name") { Description = "The name shown on screen (default: the account name)." };
        var role = new Option<string>("--role") { Description = "administrator, member or observer.", Required = true };
        var fromStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (for scripts) instead of asking twice." };
        var add = new Command("add", "Add an account; the password is asked for twice and never shown.") { store, name, display, role, fromStdin };
        add.SetAction(parse => Add(parse.GetValue(store)!, parse.GetValue(name)!, parse.GetValue(display), parse.GetValue(role)!, parse.GetValue(fromStdin)));
        var listStore = StoreOption.Create();
        var list = new Command("list", "List accounts with their roles and boards.") { listStore };
        list.SetAction(parse => WithDatabase(parse.GetValue(listStore)!, db =>
        {
            foreach (var a in new AccountStore(db).All())
            {
                Console.WriteLine($"{a.Name,-20} {a.Role.Name(),-14} {a.BoardId ?? "-",-12} {a.DisplayName}{(a.Disabled ? " (disabled)" : string.Empty)}");
            }

            return ExitCodes.Success;
        }));
        return new Command("accounts", "Accounts of the board service: administrators, board members, observers.") { add, list };
    }

    public static Command CreateBoards()
    {
        var store = StoreOption.Create();
        var name = new Option<string>("--name") { Description = "The board's name, e.g. A.", Required = true };
        var members = new Option<string>("--members") { Description = "Member account names, comma-separated (three by default; a majority of them decides).", Required = true };
        var add = new Command("add", "Set up a board of members.") { store, name, members };
        add.SetAction(parse => WithDatabase(parse.GetValue(store)!, db =>
        {
            var board = new BoardRoster(db).Create(parse.GetValue(name)!, parse.GetValue(members)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), "console");
            Console.WriteLine($"board {board.Id}: {string.Join(", ", board.Members)}; a majority is {Adjudication.Decisions.DecideByMajority.Majority(board.Size)} of {board.Size}");
            return ExitCodes.Success;
        }));
        var listStore = StoreOption.Create();
        var list = new Command("list", "List boards and their members.") { listStore };
        list.SetAction(parse => WithDatabase(parse.GetValue(listStore)!, db =>
        {
            foreach (var b in new BoardRoster(db).All())
            {
                Console.WriteLine($"{b.Id,-12} {string.Join(", ", b.Members)} (majority {Adjudication.Decisions.DecideByMajority.Majority(b.Size)} of {b.Size})");
            }

            return ExitCodes.Success;
        }));
        return new Command("boards", "Adjudication boards (ARM 44.3.2402(1)).") { add, list };
    }

    private static int Add(FileInfo storeFile, string name, string? display, string roleText, bool fromStdin)
    {
        if (RoleNames.Parse(roleText) is not { } role)
        {
            Console.Error.WriteLine($"--role {roleText}: choose administrator, member or observer");
            return ExitCodes.BadInput;
        }

        string? password;
        if (fromStdin || Console.IsInputRedirected)
        {
            password = Console.In.ReadLine();
        }
        else
        {
            password = AskHidden($"Password for {name}: ");
            if (AskHidden("Again: ") != password)
            {
                Console.Error.WriteLine("the two passwords differ; nothing was changed");
                return ExitCodes.BadInput;
            }
        }

        return WithDatabase(storeFile, db =>
        {
            new AccountStore(db).Create(name, display ?? name, role, password ?? string.Empty, "console");
            Console.WriteLine($"account {name} ({role.Name()}) added");
            return ExitCodes.Success;
        });
    }

    private static int WithDatabase(FileInfo storeFile, Func<BoardDatabase, int> action)
    {
        if (!StoreOption.Exists(storeFile))
        {
            return ExitCodes.BadInput;
        }

        try
        {
            using var db = BoardDatabase.Open(storeFile.FullName);
            return action(db);
        }
        catch (Exception e) when (e is CountStoreException or BoardException)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
    }

    private static string AskHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
