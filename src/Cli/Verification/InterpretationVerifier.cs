using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Election.Rules;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Corpus;

namespace CentralCount.Cli.Verification;

/// <summary>How the machine's reading of a corpus compares with its manifest.</summary>
/// <param name="Contests">Contests compared (on sheets read).</param>
/// <param name="WrongCounts">Contests the machine settled (counted, over- or undervote) differently from the truth.</param>
/// <param name="QuestionableSettled">Questionable contests the machine settled without the board.</param>
/// <param name="BoardItems">Questionable contests sent to the board.</param>
/// <param name="ClauseMatches">Board items whose clause (after the board's reading of write-ins) matches the manifest.</param>
/// <param name="ProvisionalClauseMatches">Board items whose clause matches before any write-in is read.</param>
/// <param name="Clean">Contests the manifest says the machine may settle.</param>
/// <param name="CleanToBoard">Of those, contests sent to the board.</param>
public sealed record InterpretationReport(
    int Sheets,
    int Contests,
    int WrongCounts,
    int QuestionableSettled,
    int BoardItems,
    int ClauseMatches,
    int ProvisionalClauseMatches,
    int Clean,
    int CleanToBoard,
    int Positions,
    double MeanInterpretMs,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Classes,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Fills,
    IReadOnlyList<string> Failures);

/// <summary>
/// Interprets every in-specification sheet of a golden corpus and compares each contest with the
/// manifest's expected outcome; the board's reading of a write-in is taken from the manifest (what
/// was written, and whether it is a comment).
/// </summary>
public static class InterpretationVerifier
{
    public static InterpretationReport Verify(ElectionDefinition election, string corpusDirectory, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(election);
        var manifest = CorpusManifest.Read(corpusDirectory);
        using var pool = new PixelMemoryPool();
        var decoder = new ImageDecoder(pool);
        var registrar = new PageRegistrar(election, RegistrationSettings.Default with { TestCount = manifest.Sheets.Count > 0 && manifest.Sheets[0].TestBallot });
        var interpreter = new InterpretSheet(RenderedBlankPages.References(election));
        var failures = new List<string>();
        var classes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var fills = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        int sheets = 0, contests = 0, wrong = 0, settled = 0, board = 0, clause = 0, provisional = 0, clean = 0, cleanToBoard = 0, positions = 0, pages = 0;
        double interpretMs = 0;
        foreach (var sheet in manifest.Sheets.Where(s => s.ExpectedReject == "none"))
        {
            var read = new List<PageInterpretation>();
            foreach (var page in sheet.Pages)
            {
                using var image = decoder.DecodeGrayFile(Path.Combine(corpusDirectory, page.File));
                var registration = registrar.Register(image);
                if (!registration.IsRead)
                {
                    failures.Add($"{sheet.Id} {page.File}: not registered: {registration.Reject}");
                    continue;
                }

                var clock = System.Diagnostics.Stopwatch.StartNew();
                var interpreted = interpreter.Page(image, registration);
                interpretMs += clock.Elapsed.TotalMilliseconds;
                pages++;
                read.Add(interpreted);
                foreach (var truth in page.Positions)
                {
                    var reading = interpreted.Positions.Single(p => Same(p.Located.Position, truth));
                    var drawn = truth.Marks.Count == 0 ? "none" : string.Join("+", truth.Marks.Select(m => m.Kind).Where(k => k != nameof(TestDeck.Marks.MarkKind.Handwriting)).DefaultIfEmpty("Handwriting"));
                    var cls = reading.Mark.Class.Name() + (reading.Mark.WrittenIn ? "+written" : string.Empty) + (reading.Mark.WordsBeside ? "+words" : string.Empty);
                    if (!classes.TryGetValue(drawn, out var row))
                    {
                        classes[drawn] = row = new Dictionary<string, int>(StringComparer.Ordinal);
                    }

                    row[cls] = row.GetValueOrDefault(cls) + 1;
                    if (!fills.TryGetValue(drawn, out var f))
                    {
                        fills[drawn] = f = [];
                    }

                    f.Add(reading.Evidence.WeakestHalf);
                    positions++;
                }
            }

            if (read.Count != sheet.Pages.Count)
            {
                continue;
            }

            sheets++;
            var result = interpreter.Sheet(read);
            foreach (var truth in sheet.Contests)
            {
                contests++;
                var machine = result.Contests.Single(c => c.Contest.Id == truth.ContestId);
                var expected = Expected(truth);
                var outcome = machine.Outcome;
                if (machine.WriteIn is { } w)
                {
                    var written = sheet.Pages.SelectMany(p => p.Positions).FirstOrDefault(p => p.ContestId == truth.ContestId && p.WrittenText is not null);
                    var boardReading = written is null ? null : new WriteInReading(written.WrittenText!, written.Written == nameof(WrittenKind.Comment));
                    outcome = WriteInRules.Resolve(machine.Contest, w, boardReading);
                }

                var where = $"{sheet.Id} {truth.ContestId} ({truth.Scenario})";
                if (expected.Kind == OutcomeKind.Board)
                {
                    if (outcome.Kind != OutcomeKind.Board)
                    {
                        settled++;
                        failures.Add($"{where}: questionable, settled as {outcome}; expected {expected}");
                        continue;
                    }

                    board++;
                    provisional += machine.Outcome.Clause == expected.Clause ? 1 : 0;
                    if (outcome.Clause == expected.Clause)
                    {
                        clause++;
                    }
                    else
                    {
                        failures.Add($"{where}: board under {outcome.Clause?.Id}, expected {expected.Clause?.Id}");
                    }

                    continue;
                }

                clean++;
                if (outcome.Kind == OutcomeKind.Board)
                {
                    cleanToBoard++;
                    failures.Add($"{where}: clean contest sent to the board: {outcome}; expected {expected}");
                }
                else if (outcome.Kind != expected.Kind || !outcome.Votes.SequenceEqual(expected.Votes))
                {
                    wrong++;
                    failures.Add($"{where}: COUNTED WRONG: {outcome}; expected {expected}");
                }
            }

            progress?.Invoke(sheets);
        }

        return new InterpretationReport(sheets, contests, wrong, settled, board, clause, provisional, clean, cleanToBoard, positions,
            pages == 0 ? 0 : Math.Round(interpretMs / pages, 2),
            classes.ToDictionary(k => k.Key, k => (IReadOnlyDictionary<string, int>)k.Value, StringComparer.Ordinal),
            fills.ToDictionary(k => k.Key, k => (IReadOnlyList<double>)[.. k.Value.Order()], StringComparer.Ordinal), failures);
    }

    private static bool Same(VotingPosition p, PositionTruth t) => p.ContestId == t.ContestId && p.OptionId == t.OptionId && p.WriteInIndex == t.WriteInIndex;

    private static ContestOutcome Expected(ContestTruth t)
    {
        ContestOutcome Final(string kind, IReadOnlyList<string>? votes) => kind switch
        {
            "counted" => ContestOutcome.Counted(votes ?? []),
            "overvote" => ContestOutcome.Overvote,
            _ => ContestOutcome.Undervote,
        };

        return t.Outcome == "board"
            ? ContestOutcome.ToBoard(MontanaRules.Get(t.Clause!), Final(t.SuggestedOutcome!, t.SuggestedVotes))
            : Final(t.Outcome, t.Votes);
    }
}
