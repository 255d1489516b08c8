using System.CommandLine;
using System.Diagnostics;
using CentralCount.Cli.Verification;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Samples;

namespace CentralCount.Cli.Commands;

/// <summary>
/// <c>centralcount demo</c>: the end-to-end demonstration. Today it covers what is built: the
/// sample Montana election, ballots rendered, marked and scanned into a small corpus (a few of
/// them damaged), and every sheet registered: identified, its positions located, or set aside. It says what it does not
/// do yet, and grows into the full scan-count-adjudicate demo as the pipeline lands.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the demo's files.", DefaultValueFactory = _ => new DirectoryInfo("demo-output") };
        var sheets = new Option<int>("--sheets") { Description = "How many sheets to generate.", DefaultValueFactory = _ => 40 };
        var command = new Command("demo", "Run the demonstration on the sample Montana election and report what was checked.") { output, sheets };
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(sheets)));
        return command;
    }

    private static int Run(DirectoryInfo output, int sheetCount)
    {
        Console.WriteLine("CentralCount demo");
        Console.WriteLine("Built so far: election definitions, ballot rendering, mark and scanner simulation, imaging,");
        Console.WriteLine("page registration and identification.");
        Console.WriteLine("Not yet built: mark interpretation, the count store, tallies and the board.");
        Console.WriteLine("So this demo makes ballots, scans them, and finds every voting position on every sheet");
        Console.WriteLine("(or sets the sheet aside with a reason); it does not count votes yet.");
        Console.WriteLine();

        var election = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
        Console.WriteLine($"1. Election: {election.Title}, {election.Jurisdiction.County}, {election.Date:yyyy-MM-dd}; " +
            $"{election.Contests.Count} contests, {election.BallotStyles.Count} ballot styles, hash {election.Hash.Prefix}");

        output.Create();
        var corpusDir = Path.Combine(output.FullName, "scans");
        var clock = Stopwatch.StartNew();
        CorpusManifest manifest;
        using (var generator = new GoldenCorpusGenerator(election))
        {
            manifest = generator.Generate(new CorpusOptions(sheetCount, Seed: 2026, DefectShare: 0.1), corpusDir);
        }

        var contests = manifest.Sheets.SelectMany(s => s.Contests).ToList();
        Console.WriteLine($"2. Marked and scanned {manifest.Sheets.Count} sheets ({2 * manifest.Sheets.Count} pages) in {clock.Elapsed.TotalSeconds:F1} s into {corpusDir}");
        Console.WriteLine($"   {contests.Count} contests: {contests.Count(c => c.Outcome == "counted")} clean votes, {contests.Count(c => c.Outcome == "undervote")} blank, " +
            $"{contests.Count(c => c.Outcome == "board")} questionable votes the board will see (manifest.json holds the truth)");

        var report = RegistrationVerifier.Verify(election, corpusDir, 1.5);
        Console.WriteLine($"3. Registered every page: {report.InSpecification} sheets read, every voting position located " +
            $"(mean error {report.MeanErrorPx} px, largest {report.MaxErrorPx} px against the truth; {report.MeanRegistrationMs} ms a page)");
        Console.WriteLine($"   {report.Defective} damaged or foreign sheets set aside, {report.DefectsCaught} of them for the right reason (torn, streaked, half a page, another election)");
        Console.WriteLine();
        foreach (var failure in report.Failures)
        {
            Console.Error.WriteLine("   " + failure);
        }

        if (report.Failures.Count > 0)
        {
            Console.Error.WriteLine($"{report.Failures.Count} check(s) failed: registration is not working on this machine.");
            return ExitCodes.CheckFailed;
        }

        Console.WriteLine("All checks passed.");
        return ExitCodes.Success;
    }
}
