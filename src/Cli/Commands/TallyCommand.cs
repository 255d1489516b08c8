using System.CommandLine;
using CentralCount.Tabulation;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount tally</c>: totals per contest, for the whole count or one precinct, style or batch.</summary>
internal static class TallyCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var precinct = new Option<string?>("--precinct") { Description = "Only sheets of this precinct." };
        var style = new Option<string?>("--style") { Description = "Only sheets of this ballot style." };
        var batch = new Option<string?>("--batch") { Description = "Only sheets of this batch." };
        var command = new Command("tally", "Totals per contest: votes per option, write-ins, undervotes, overvotes, and contests waiting on the board.") { store, precinct, style, batch };
        command.SetAction(parse => Run(parse.GetValue(store)!, parse.GetValue(precinct), parse.GetValue(style), parse.GetValue(batch)));
        return command;
    }

    public static int Run(FileInfo storeFile, string? precinct, string? style, string? batch)
    {
        using var store = StoreOption.TryOpen(storeFile);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        var election = store.Election!;
        // A mistyped name would otherwise give a tally of nothing that looks like a real one.
        var unknown = ScopeNames.Unknown("precinct", "precincts", precinct is null ? null : [precinct], election.Precincts.Select(p => p.Id))
            .Concat(ScopeNames.Unknown("ballot style", "ballot styles", style is null ? null : [style], election.BallotStyles.Select(b => b.Id)))
            .Concat(ScopeNames.Unknown("batch", "batches", batch is null ? null : [batch], store.Batches().Select(b => b.Batch.Id)))
            .ToList();
        if (unknown.Count > 0)
        {
            unknown.ForEach(Console.Error.WriteLine);
            return ExitCodes.BadInput;
        }

        var rows = RecordedContests.In(store);
        var tallies = TallyContests.From(election, rows, r => (precinct is null || r.PrecinctId == precinct) && (style is null || r.StyleId == style) && (batch is null || r.BatchId == batch));
        var pending = tallies.Sum(t => t.PendingBoard);
        var scope = string.Join(", ", new[] { precinct is null ? null : $"precinct {precinct}", style is null ? null : $"style {style}", batch is null ? null : $"batch {batch}" }.Where(s => s is not null));
        Console.WriteLine($"{election.Title}: {(pending > 0 ? $"UNOFFICIAL - {pending} contest(s) waiting on the board" : "no contest waiting on the board")}{(scope.Length > 0 ? $" ({scope})" : string.Empty)}");
        foreach (var t in tallies.Where(t => t.Ballots > 0))
        {
            Console.WriteLine();
            Console.WriteLine($"{t.Title} (vote for {t.VoteFor}): {t.Ballots} ballots");
            foreach (var (_, label, votes) in t.Options)
            {
                Console.WriteLine($"  {label,-44} {votes,8}");
            }

            if (t.WriteIns > 0)
            {
                Console.WriteLine($"  {"write-ins not yet matched",-44} {t.WriteIns,8}");
            }

            Console.WriteLine($"  {"undervoted ballots",-44} {t.Undervotes,8}");
            Console.WriteLine($"  {"overvoted ballots",-44} {t.Overvotes,8}");
            if (t.NotValid > 0)
            {
                Console.WriteLine($"  {"not valid by the board (2402(1)(b))",-44} {t.NotValid,8}");
            }

            if (t.PendingBoard > 0)
            {
                Console.WriteLine($"  {"waiting on the board",-44} {t.PendingBoard,8}");
            }
        }

        if (precinct is not null && rows.Any(r => r.PrecinctId is null && r.StyleId is not null))
        {
            Console.WriteLine();
            Console.WriteLine("Note: some sheets are of a ballot style that several precincts share and were printed without their precinct (a VxSuite ballot, or one printed for the style alone), so no precinct's tally holds them; the whole count and --style do.");
        }

        return ExitCodes.Success;
    }
}
