using System.CommandLine;
using CentralCount.Election;
using CentralCount.Election.Loading;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Samples;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount election check|show|samples</c>: election definitions.</summary>
internal static class ElectionCommand
{
    public static Command Create()
    {
        var command = new Command("election", "Check, show, generate or load election definitions.");
        var file = new Argument<FileInfo>("file") { Description = "Election definition (CentralCount JSON or VxSuite election.json)." };
        var show = new Command("show", "Check an election definition and summarise it: contests, precincts, ballot styles, pages.") { file };
        show.SetAction(parse => Show(parse.GetValue(file)!));
        command.Subcommands.Add(show);

        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the sample definitions to.", DefaultValueFactory = _ => new DirectoryInfo("samples") };
        var samples = new Command("samples", "Write the sample Montana general and primary elections (montana-general-2026.json, montana-primary-2026.json).") { output };
        samples.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!;
            dir.Create();
            foreach (var (name, content) in new[] { ("montana-general-2026.json", MontanaSampleElections.GeneralContent()), ("montana-primary-2026.json", MontanaSampleElections.PrimaryContent()) })
            {
                var election = BallotLayoutPlanner.Plan(content);
                File.WriteAllBytes(Path.Combine(dir.FullName, name), ElectionWriter.Write(election));
                Console.WriteLine($"{Path.Combine(dir.FullName, name)}: {election.BallotStyles.Count} ballot styles, hash {election.Hash.Prefix}");
            }

            return ExitCodes.Success;
        });
        command.Subcommands.Add(samples);

        var store = StoreOption.Create();
        var load = new Command("load", "Load the election a count store will count (once per store; the same file again is accepted).") { file, store };
        load.SetAction(parse => Load(parse.GetValue(file)!, parse.GetValue(store)!));
        command.Subcommands.Add(load);
        return command;
    }

    public static int Load(FileInfo file, FileInfo storeFile)
    {
        var election = TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        using var store = StoreOption.TryOpen(storeFile, needElection: false, create: true);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        try
        {
            store.LoadElection(File.ReadAllBytes(file.FullName), file.FullName);
        }
        catch (ScanPipeline.Store.CountStoreException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }

        Console.WriteLine($"{store.Path}: counting {election.Title} ({election.Id}, hash {election.Hash.Prefix}); {election.BallotStyles.Count} ballot styles");
        return ExitCodes.Success;
    }

    /// <summary>Loads a definition or prints every problem; null when it could not be loaded.</summary>
    public static ElectionDefinition? TryOpen(FileInfo file)
    {
        try
        {
            return ElectionFiles.Open(file.FullName);
        }
        catch (ElectionDefinitionException error)
        {
            Console.Error.WriteLine(error.Message);
            return null;
        }
    }

    private static int Show(FileInfo file)
    {
        var election = TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        Console.WriteLine($"{election.Title} ({election.Kind.ToString().ToLowerInvariant()}), {election.Jurisdiction.County}, {election.Jurisdiction.State}, {election.Date:yyyy-MM-dd}");
        Console.WriteLine($"id {election.Id}, hash {election.Hash.Hex}");
        Console.WriteLine($"{election.Parties.Count} parties, {election.Districts.Count} districts, {election.Precincts.Count} precincts, {election.Contests.Count} contests");
        foreach (var contest in election.Contests)
        {
            var detail = contest switch
            {
                CandidateContest c => $"vote for {c.Seats}, {c.Candidates.Count} candidates, {c.WriteInSlots} write-in slot(s), {c.DeclaredWriteIns.Count} declared write-in(s)",
                MeasureContest m => m.Kind == MeasureKind.Retention ? "retention (yes/no)" : "ballot issue (yes/no)",
                _ => string.Empty,
            };
            Console.WriteLine($"  {contest.Id,-28} {contest.Title} - {detail}");
        }

        foreach (var style in election.BallotStyles)
        {
            var positions = style.Pages().Sum(p => p.Page.Positions.Count);
            Console.WriteLine($"  style {style.Id}: precincts {string.Join(", ", style.PrecinctIds)}{(style.PartyId is null ? string.Empty : ", party " + style.PartyId)}; {style.ContestIds.Count} contests, {style.Sheets.Count} sheet(s), {positions} voting positions");
        }

        return ExitCodes.Success;
    }
}
