using System.CommandLine;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Rendering;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount testdeck ...</c>: printable ballots, test decks and golden corpora.</summary>
internal static class TestDeckCommand
{
    public static Command Create()
    {
        var command = new Command("testdeck", "Render blank ballots, generate test decks and golden corpora.");
        var election = new Option<FileInfo>("--election") { Description = "Election definition.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder.", Required = true };
        var dpi = new Option<int>("--dpi") { Description = "Resolution: 200 or 300.", DefaultValueFactory = _ => 200 };
        var format = new Option<string>("--format") { Description = "png, jpeg, tiff (1-bit G4) or tiff8 (8-bit grey).", DefaultValueFactory = _ => "png" };
        var test = new Option<bool>("--test") { Description = "Print as test ballots (marked TEST, identity code says test)." };
        var render = new Command("render", "Render every page of every ballot style, unmarked, as a printer would print it.") { election, output, dpi, format, test };
        render.SetAction(parse => Render(parse.GetValue(election)!, parse.GetValue(output)!, parse.GetValue(dpi), parse.GetValue(format)!, parse.GetValue(test)));
        command.Subcommands.Add(render);

        var sheets = new Option<int>("--sheets") { Description = "How many sheets.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var defects = new Option<double>("--defects") { Description = "Fraction of sheets with a defect that must be rejected (0 to 1).", DefaultValueFactory = _ => 0.0 };
        var refeeds = new Option<double>("--refeeds") { Description = "Fraction of readable sheets fed through the scanner a second time, as after a jam (0 to 1).", DefaultValueFactory = _ => 0.0 };
        var corpus = new Command("corpus", "Generate a golden corpus: marked, scanned sheets and manifest.json with the truth for every position and contest.") { election, output, sheets, seed, dpi, defects, test, refeeds };
        corpus.SetAction(parse => Corpus(parse.GetValue(election)!, parse.GetValue(output)!, new CorpusOptions(parse.GetValue(sheets), parse.GetValue(seed), parse.GetValue(dpi), parse.GetValue(defects), parse.GetValue(test), RefeedShare: parse.GetValue(refeeds))));
        command.Subcommands.Add(corpus);

        var curatedOut = new Option<DirectoryInfo>("--out") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("tests/golden-ballots") };
        var curated = new Command("curated", "Generate the curated golden set (every clause and artifact at least twice) with its README table.") { curatedOut };
        curated.SetAction(parse => Curated(parse.GetValue(curatedOut)!));
        command.Subcommands.Add(curated);

        var deck = new Command("deck", "Generate a test deck with a declared vote count for every option, an overvoted and a blank ballot per style (ARM 44.3.1704).") { election, output, seed };
        deck.SetAction(parse => Deck(parse.GetValue(election)!, parse.GetValue(output)!, parse.GetValue(seed)));
        command.Subcommands.Add(deck);

        var corpusDir = new Option<DirectoryInfo>("--corpus") { Description = "Corpus folder (with manifest.json).", Required = true };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest allowed position error, in pixels of the corpus's own resolution.", DefaultValueFactory = _ => 1.5 };
        var verify = new Command("verify-registration", "Register every sheet of a corpus and compare positions and rejects with its manifest.") { election, corpusDir, tolerance };
        verify.SetAction(parse => VerifyRegistration(parse.GetValue(election)!, parse.GetValue(corpusDir)!, parse.GetValue(tolerance)));
        command.Subcommands.Add(verify);

        var show = new Option<int>("--show") { Description = "How many disagreements to list.", DefaultValueFactory = _ => 20 };
        var verifyInterpretation = new Command("verify-interpretation", "Interpret every sheet of a corpus and compare each contest's outcome and clause with its manifest.") { election, corpusDir, show };
        verifyInterpretation.SetAction(parse => VerifyInterpretation(parse.GetValue(election)!, parse.GetValue(corpusDir)!, parse.GetValue(show)));
        command.Subcommands.Add(verifyInterpretation);

        var storeDir = new Option<DirectoryInfo?>("--store-folder") { Description = "Where to make the fresh store (default: a temporary folder, removed afterwards)." };
        var verifyCount = new Command("verify-count", "Scan a corpus into a fresh store through the whole pipeline and compare the tallies with its manifest.") { election, corpusDir, storeDir };
        verifyCount.SetAction((parse, cancellation) => VerifyCountAsync(parse.GetValue(election)!, parse.GetValue(corpusDir)!, parse.GetValue(storeDir), cancellation));
        command.Subcommands.Add(verifyCount);
        command.Subcommands.Add(CertifyDeckCommand.Create(election));
        return command;
    }

    private static async Task<int> VerifyCountAsync(FileInfo file, DirectoryInfo corpus, DirectoryInfo? storeFolder, CancellationToken cancellation)
    {
        var election = ElectionCommand.TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        var manifest = CorpusManifest.Read(corpus.FullName);
        var folder = storeFolder ?? new DirectoryInfo(Path.Combine(Path.GetTempPath(), "centralcount-verify-" + Guid.NewGuid().ToString("N")[..8]));
        var storeFile = new FileInfo(Path.Combine(folder.FullName, "count.db"));
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var scanned = await ScanCommand.IntoNewStoreAsync(file, corpus, storeFile, "corpus", manifest.Sheets.Count, manifest.Sheets.Count > 0 && manifest.Sheets[0].TestBallot, cancellation).ConfigureAwait(false);
            if (scanned != ExitCodes.Success)
            {
                return scanned;
            }

            Console.WriteLine($"{manifest.Sheets.Count} sheets scanned in {clock.Elapsed.TotalSeconds:F0} s ({2 * manifest.Sheets.Count / clock.Elapsed.TotalSeconds:F1} pages/s)");
            using var store = ScanPipeline.Store.CountStore.Open(storeFile.FullName);
            var report = Verification.CountVerifier.Check(election, store, corpus.FullName, manifest, "corpus");
            Console.WriteLine($"tally differences from the manifest (board items counted apart): {report.Differences.Count}");
            foreach (var d in report.Differences.Take(30))
            {
                Console.WriteLine($"  {d}");
            }

            Console.WriteLine($"board items: {report.BoardItems} ({report.Questionable} questionable by the manifest, {report.CleanHeld} clean contests held with them)");
            Console.WriteLine(report.Differences.Count == 0 ? "PASS" : "FAIL");
            return report.Differences.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
        }
        finally
        {
            if (storeFolder is null && folder.Exists)
            {
                folder.Delete(true);
            }
        }
    }

    private static int VerifyInterpretation(FileInfo file, DirectoryInfo corpus, int show)
    {
        var election = ElectionCommand.TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        var r = Verification.InterpretationVerifier.Verify(election, corpus.FullName, n =>
        {
            if (n % 250 == 0)
            {
                Console.Error.WriteLine($"  {n} sheets");
            }
        });
        static string Pct(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:F2}%";
        Console.WriteLine($"{r.Sheets} sheets, {r.Contests} contests, {r.Positions} positions; interpretation {r.MeanInterpretMs:F2} ms a page");
        Console.WriteLine($"  settled differently from the truth: {r.WrongCounts}");
        Console.WriteLine($"  questionable but settled without the board: {r.QuestionableSettled}");
        Console.WriteLine($"  board items: {r.BoardItems}; clause as in the manifest: {r.ClauseMatches} ({Pct(r.ClauseMatches, r.BoardItems)}); before write-ins are read: {r.ProvisionalClauseMatches} ({Pct(r.ProvisionalClauseMatches, r.BoardItems)})");
        Console.WriteLine($"  clean contests: {r.Clean}; sent to the board: {r.CleanToBoard} ({Pct(r.CleanToBoard, r.Clean)})");
        Console.WriteLine("mark classes by what was drawn (ink in the weakest half of the oval: least/median/most):");
        foreach (var (drawn, row) in r.Classes.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var f = r.Fills[drawn];
            Console.WriteLine($"  {drawn,-24} half {f[0]:F2}/{f[f.Count / 2]:F2}/{f[^1]:F2}  {string.Join(", ", row.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"))}");
        }

        foreach (var failure in r.Failures.Take(show))
        {
            Console.WriteLine($"  {failure}");
        }

        var ok = r.WrongCounts == 0 && r.QuestionableSettled == 0 && r.ClauseMatches >= 0.99 * r.BoardItems && r.CleanToBoard <= 0.005 * r.Clean;
        Console.WriteLine(ok ? "PASS" : "FAIL");
        return ok ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static int Corpus(FileInfo file, DirectoryInfo output, CorpusOptions options)
    {
        if (options.Sheets < 1 || options.Dpi is not (200 or 300) || options.DefectShare is < 0 or > 1 || options.RefeedShare is < 0 or > 1)
        {
            Console.Error.WriteLine("--sheets must be at least 1, --dpi 200 or 300, --defects and --refeeds between 0 and 1");
            return ExitCodes.Usage;
        }

        var election = ElectionCommand.TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var generator = new GoldenCorpusGenerator(election);
        var progress = new Progress<int>(n =>
        {
            if (n % 100 == 0)
            {
                Console.Error.WriteLine($"  {n} sheets");
            }
        });
        var manifest = generator.Generate(options, output.FullName, progress);
        var contests = manifest.Sheets.SelectMany(s => s.Contests).ToList();
        var fedAgain = manifest.Sheets.Count(s => s.RefeedOf is not null);
        Console.WriteLine($"{options.Sheets} sheets ({2 * options.Sheets} pages) in {clock.Elapsed.TotalSeconds:F1} s; {contests.Count} contests, {contests.Count(c => c.Outcome == "board")} for the board, {manifest.Sheets.Count(s => s.ExpectedReject != "none")} defective sheets" +
            (fedAgain > 0 ? $"; {fedAgain} of them fed through the scanner again (the sNNNNNNa files)" : string.Empty));
        Console.WriteLine($"written to {output.FullName} (manifest.json)");
        return ExitCodes.Success;
    }

    private static int VerifyRegistration(FileInfo file, DirectoryInfo corpus, double tolerance)
    {
        var election = ElectionCommand.TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        var report = Verification.RegistrationVerifier.Verify(election, corpus.FullName, tolerance, n =>
        {
            if (n % 250 == 0)
            {
                Console.Error.WriteLine($"  {n} sheets");
            }
        });
        foreach (var failure in report.Failures.Take(40))
        {
            Console.WriteLine("  " + failure);
        }

        Console.WriteLine($"{report.Sheets} sheets: {report.InSpecification} within specification, {report.Misregistered} misregistered, {report.WronglyRejected} wrongly rejected; " +
            $"{report.Defective} defective, {report.DefectsCaught} rejected for the right reason, {report.DefectsWithWrongReason} for another reason, {report.DefectsMissed} missed");
        Console.WriteLine($"{report.Positions} positions (pixels at {report.Dpi} DPI): mean error {report.MeanErrorPx} px (on average {report.MeanOffsetPx.X:+0.000;-0.000} px across, {report.MeanOffsetPx.Y:+0.000;-0.000} px down), largest {report.MaxErrorPx} px (tolerance {tolerance} px); registration {report.MeanRegistrationMs} ms a page");
        return report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static int Deck(FileInfo file, DirectoryInfo output, int seed)
    {
        var election = ElectionCommand.TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        var plan = TestDeckPlanner.Plan(election, seed);
        using var generator = new GoldenCorpusGenerator(election);
        var manifest = generator.Generate(plan.Options, output.FullName);
        File.WriteAllBytes(Path.Combine(output.FullName, "declared-totals.json"),
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(plan.Declared, CorpusJsonContext.Default.IReadOnlyListDeclaredContest));
        var report = new System.Text.StringBuilder();
        report.AppendLine($"# Test deck: {election.Title}, {election.Jurisdiction.County} (election hash {election.Hash.Prefix})");
        report.AppendLine();
        report.AppendLine($"{plan.Ballots} test ballots, {manifest.Sheets.Count} sheets. Every ballot is marked TEST. Declared totals (ARM 44.3.1704(2)(b)):");
        report.AppendLine();
        report.AppendLine("| contest | option | votes |");
        report.AppendLine("| --- | --- | --- |");
        foreach (var contest in plan.Declared)
        {
            foreach (var (option, votes) in contest.Votes)
            {
                report.AppendLine($"| {contest.ContestId} | {option} | {votes} |");
            }

            report.AppendLine($"| {contest.ContestId} | overvoted ballots (must be caught, 1704(2)(d)) | {contest.Overvotes} |");
            report.AppendLine($"| {contest.ContestId} | blank | {contest.Undervotes} |");
        }

        File.WriteAllText(Path.Combine(output.FullName, "declared-totals.md"), report.ToString());
        Console.WriteLine($"{plan.Ballots} test ballots ({manifest.Sheets.Count} sheets) written to {output.FullName}, with declared-totals.json and declared-totals.md");
        return ExitCodes.Success;
    }

    private static int Curated(DirectoryInfo output)
    {
        var election = CentralCount.TestDeck.Design.BallotLayoutPlanner.Plan(CentralCount.TestDeck.Samples.MontanaSampleElections.GeneralContent());
        output.Create();
        foreach (var stale in output.EnumerateFiles("s0*"))
        {
            stale.Delete();
        }

        using var generator = new GoldenCorpusGenerator(election);
        var manifest = generator.Generate(CuratedSet.Options(election), output.FullName);
        File.WriteAllText(Path.Combine(output.FullName, "README.md"), CuratedReadme.Render(manifest, CuratedSet.ArtifactNames));
        var bytes = output.EnumerateFiles().Sum(f => f.Length);
        Console.WriteLine($"{manifest.Sheets.Count} curated sheets, {bytes / 1024.0 / 1024.0:F1} MB, written to {output.FullName}");
        return ExitCodes.Success;
    }

    private static int Render(FileInfo file, DirectoryInfo output, int dpi, string format, bool test)
    {
        if (dpi is not (200 or 300) || format is not ("png" or "jpeg" or "tiff" or "tiff8"))
        {
            Console.Error.WriteLine("--dpi must be 200 or 300 and --format png, jpeg, tiff or tiff8");
            return ExitCodes.Usage;
        }

        var election = ElectionCommand.TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        output.Create();
        using var pool = new PixelMemoryPool();
        var renderer = new BallotRenderer(election, pool);
        var count = 0;
        foreach (var style in election.BallotStyles)
        {
            // A style serving several precincts is printed once for each, its precinct in the code.
            foreach (var (sheet, page, precinct) in style.Pages().SelectMany(p => (style.PrecinctIds.Count > 1 ? style.PrecinctIds.Select(id => (string?)id) : [null]).Select(id => (p.Sheet, p.Page, id))))
            {
                using var image = renderer.Render(style, sheet, page.Side, new RenderOptions(dpi, test, Precinct: precinct));
                var bytes = format switch
                {
                    "png" => ImageEncoder.EncodePng(image),
                    "jpeg" => ImageEncoder.EncodeJpeg(image, 92),
                    "tiff8" => ImageEncoder.EncodeTiff(image),
                    _ => ImageEncoder.EncodeTiffBilevel(image, 160, BilevelCompression.G4, dpi),
                };
                var name = $"{style.Id}{(precinct is null ? string.Empty : "-" + precinct)}-sheet{sheet}-{(page.Side == PageSide.Front ? "front" : "back")}.{(format == "jpeg" ? "jpg" : format.StartsWith("tiff", StringComparison.Ordinal) ? "tif" : "png")}";
                File.WriteAllBytes(Path.Combine(output.FullName, name), bytes);
                count++;
            }
        }

        Console.WriteLine($"{count} pages written to {output.FullName}");
        return ExitCodes.Success;
    }
}
