using System.CommandLine;
using System.Diagnostics;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Samples;

namespace CentralCount.Cli.Commands;

/// <summary>
/// <c>centralcount demo</c>: the end-to-end demonstration. Today it covers what is built: the
/// sample Montana election, ballots rendered, marked and scanned into a small corpus, and every
/// page decoded back with its identity code and timing border checked. It says what it does not
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
        Console.WriteLine("Built so far: election definitions, ballot rendering, mark and scanner simulation, imaging.");
        Console.WriteLine("Not yet built: registration, mark interpretation, the count store, tallies and the board.");
        Console.WriteLine("So this demo makes ballots and checks that every scanned page can be decoded and identified;");
        Console.WriteLine("it does not count votes yet.");
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
            manifest = generator.Generate(new CorpusOptions(sheetCount, Seed: 2026), corpusDir);
        }

        var contests = manifest.Sheets.SelectMany(s => s.Contests).ToList();
        Console.WriteLine($"2. Marked and scanned {manifest.Sheets.Count} sheets ({2 * manifest.Sheets.Count} pages) in {clock.Elapsed.TotalSeconds:F1} s into {corpusDir}");
        Console.WriteLine($"   {contests.Count} contests: {contests.Count(c => c.Outcome == "counted")} clean votes, {contests.Count(c => c.Outcome == "undervote")} blank, " +
            $"{contests.Count(c => c.Outcome == "board")} questionable votes the board will see (manifest.json holds the truth)");

        using var pool = new PixelMemoryPool();
        var decoder = new ImageDecoder(pool);
        var failures = 0;
        var identified = 0;
        var decodeMs = 0.0;
        foreach (var sheet in manifest.Sheets)
        {
            foreach (var page in sheet.Pages)
            {
                clock.Restart();
                using var image = decoder.DecodeGrayFile(Path.Combine(corpusDir, page.File));
                decodeMs += clock.Elapsed.TotalMilliseconds;
                var identity = QrCodes.Decode(image, PixelRect.Of(image)) is { } qr ? PageIdentity.TryParse(qr.Text) : null;
                var side = page.Side == "front" ? PageSide.Front : PageSide.Back;
                if (identity is not null && identity.StyleId == sheet.StyleId && identity.Side == side && identity.ElectionHashPrefix == election.Hash.Prefix)
                {
                    identified++;
                }
                else
                {
                    failures++;
                    Console.Error.WriteLine($"   {page.File}: identity code not read or wrong ({identity?.Encode() ?? "none"})");
                }
            }
        }

        var pages = 2 * manifest.Sheets.Count;
        Console.WriteLine($"3. Decoded {pages} pages ({decodeMs / pages:F1} ms a page) and read {identified} identity codes");
        Console.WriteLine();
        if (failures > 0)
        {
            Console.Error.WriteLine($"{failures} page(s) could not be identified: the imaging layer is not working on this machine.");
            return ExitCodes.CheckFailed;
        }

        Console.WriteLine("All checks passed.");
        return ExitCodes.Success;
    }
}
