using System.Text;
using CentralCount.Election.Rules;

namespace CentralCount.TestDeck.Corpus;

/// <summary>Writes the curated set's README: clause → what is drawn → expected outcome → example files, and the artifacts.</summary>
public static class CuratedReadme
{
    private static readonly Dictionary<string, string> Drawn = new()
    {
        [nameof(Scenario.MixedInstruments)] = "ovals filled in red or green pen, pencil or felt marker",
        [nameof(Scenario.Erasure)] = "one oval filled, another erased leaving grey residue",
        [nameof(Scenario.HeavyOvervote)] = "one more oval filled than the contest allows",
        [nameof(Scenario.PartialMark)] = "ovals filled, plus a half-filled oval",
        [nameof(Scenario.HesitationMark)] = "ovals filled, plus a pen-rest dot in another oval",
        [nameof(Scenario.CircledOrChecked)] = "oval empty; the oval or name circled or underlined, or a check, X or slash on the oval",
        [nameof(Scenario.ConnectiveLine)] = "oval empty; a line or arrow from the name to the oval",
        [nameof(Scenario.UnclearOvervote)] = "an X in more ovals than allowed",
        [nameof(Scenario.IndicatedAmongSeveral)] = "two ovals filled, \"this one\" written by one of them",
        [nameof(Scenario.WordInstead)] = "ovals empty; a word (\"YES\", \"this one\") beside one option",
        [nameof(Scenario.AllCrossedOut)] = "every option crossed out",
        [nameof(Scenario.OutsideNear)] = "oval empty; a filled blob just beside it",
        [nameof(Scenario.WriteInDeclared)] = "write-in oval filled, a declared write-in candidate's filed designation written",
        [nameof(Scenario.WriteInNameOnly)] = "a name written, write-in oval empty, no other choice",
        [nameof(Scenario.WriteInAreaOnly)] = "write-in oval filled, nothing written, no other choice",
        [nameof(Scenario.PrintedAndEmptyWriteIn)] = "a printed candidate filled and the write-in oval filled, nothing written",
        [nameof(Scenario.PrintedAndOtherName)] = "a printed candidate filled, write-in oval filled, a different name written",
        [nameof(Scenario.PrintedAndSameName)] = "a printed candidate filled, write-in oval filled, the same name written",
        [nameof(Scenario.PrintedAndSameNameUnmarked)] = "a printed candidate filled, the same name written, write-in oval empty",
        [nameof(Scenario.CommentOnly)] = "a comment written in the write-in area, nothing marked",
        [nameof(Scenario.PrintedAndComment)] = "a printed candidate filled and a comment written",
        [nameof(Scenario.UndeclaredName)] = "an undeclared name written, write-in oval filled or not, nothing else",
    };

    public static string Render(CorpusManifest manifest, IReadOnlyList<string> artifactNames)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(artifactNames);
        var text = new StringBuilder();
        text.AppendLine("# Curated golden ballots");
        text.AppendLine();
        text.AppendLine("Marked, scanned sheets of the sample Montana general election (`samples/montana-general-2026.json`)");
        text.AppendLine("with the truth about every position and contest in `manifest.json`. Regenerate with");
        text.AppendLine("`./centralcount testdeck curated --out tests/golden-ballots` (same seed, same bytes).");
        text.AppendLine("Each curated sheet forces a few cases onto its contests; its other contests are clean votes or blanks.");
        text.AppendLine();
        text.AppendLine("## Clauses");
        text.AppendLine();
        text.AppendLine("| clause | what is drawn | expected outcome | example files |");
        text.AppendLine("| --- | --- | --- | --- |");
        var contests = manifest.Sheets.Where(s => s.ExpectedReject == "none")
            .SelectMany(s => s.Contests.Select(c => (Sheet: s, Contest: c))).ToList();
        foreach (var clause in MontanaRules.All)
        {
            var cases = contests.Where(x => x.Contest.Clause == clause.Id).ToList();
            foreach (var scenario in cases.Select(x => x.Contest.Scenario).Distinct())
            {
                var examples = cases.Where(x => x.Contest.Scenario == scenario).ToList();
                var first = examples[0].Contest;
                var expected = first.Outcome == "board"
                    ? $"board; suggest {Describe(first.SuggestedOutcome!, first.SuggestedVotes!)}"
                    : Describe(first.Outcome, first.Votes);
                var files = string.Join(", ", examples.Select(x => $"{x.Sheet.Pages[0].File} ({x.Contest.ContestId})").Distinct().Take(3));
                text.AppendLine($"| {clause.Id} | {Drawn.GetValueOrDefault(scenario, scenario)} | {expected} | {files} |");
            }
        }

        text.AppendLine();
        text.AppendLine("## Scanner artifacts and defects");
        text.AppendLine();
        text.AppendLine("| sheet | artifact | must be | files |");
        text.AppendLine("| --- | --- | --- | --- |");
        for (var i = 0; i < manifest.Sheets.Count; i++)
        {
            var sheet = manifest.Sheets[i];
            var name = i < artifactNames.Count ? artifactNames[i] : string.Empty;
            var must = sheet.ExpectedReject == "none" ? "read" : $"rejected: {sheet.ExpectedReject}";
            text.AppendLine($"| {sheet.Id} | {name} | {must} | {string.Join(", ", sheet.Pages.Select(p => p.File))} |");
        }

        return text.ToString();
    }

    private static string Describe(string outcome, IReadOnlyList<string> votes) =>
        outcome == "counted" ? $"count {string.Join(", ", votes)}" : outcome;
}
