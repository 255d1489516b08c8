using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Election.Rules;
using CentralCount.TestDeck.Corpus;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Marks;
using CentralCount.TestDeck.Samples;
using CentralCount.Tests;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.TestDeck.Tests;

public sealed class CorpusTests
{
    private static readonly ElectionDefinition General = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());

    private static string GoldenDir => Path.Combine(TestPaths.RepoRoot, "tests", "golden-ballots");

    [Fact]
    public void Planned_scenarios_have_the_outcome_the_rule_table_reads_from_the_marks()
    {
        var contests = General.BallotStyles.SelectMany(s => s.Pages())
            .SelectMany(p => p.Page.ContestBoxes.Select(b => (Contest: General.Contest(b.ContestId), Positions: p.Page.Positions.Where(x => x.ContestId == b.ContestId).ToList())))
            .ToList();
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            var (contest, positions) = contests[random.Next(contests.Count)];
            var applicable = ScenarioPlanner.Applicable(contest, bilevel: random.Next(2) == 0);
            var scenario = applicable[random.Next(applicable.Count)];
            var planned = ScenarioPlanner.Plan(contest, positions, scenario, random);
            var read = RuleTable.Expect(contest, planned.Drawn);
            return read.Equals(planned.Expected).Label($"{contest.Id} {scenario}: planned {planned.Expected}, rule table {read}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_scenario_is_reachable_and_matches_the_rule_table()
    {
        var random = new Random(5);
        var seen = new HashSet<Scenario>();
        foreach (var style in General.BallotStyles)
        {
            foreach (var (_, page) in style.Pages())
            {
                foreach (var box in page.ContestBoxes)
                {
                    var contest = General.Contest(box.ContestId);
                    var positions = page.Positions.Where(p => p.ContestId == contest.Id).ToList();
                    foreach (var scenario in ScenarioPlanner.Applicable(contest, bilevel: false))
                    {
                        var planned = ScenarioPlanner.Plan(contest, positions, scenario, random);
                        Assert.Equal(planned.Expected, RuleTable.Expect(contest, planned.Drawn));
                        seen.Add(scenario);
                    }
                }
            }
        }

        Assert.Equal(Enum.GetValues<Scenario>().Length, seen.Count);
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes()
    {
        var a = Directory.CreateTempSubdirectory("corpus-a");
        var b = Directory.CreateTempSubdirectory("corpus-b");
        try
        {
            using (var generator = new GoldenCorpusGenerator(General))
            {
                generator.Generate(new CorpusOptions(4, 77, DefectShare: 0.3), a.FullName);
            }

            using (var generator = new GoldenCorpusGenerator(General))
            {
                generator.Generate(new CorpusOptions(4, 77, DefectShare: 0.3), b.FullName);
            }

            var files = a.GetFiles().Select(f => f.Name).Order().ToList();
            Assert.Equal(9, files.Count);
            Assert.Equal(files, b.GetFiles().Select(f => f.Name).Order());
            foreach (var file in files)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(a.FullName, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.FullName, file))), file + " differs");
            }
        }
        finally
        {
            a.Delete(true);
            b.Delete(true);
        }
    }

    [Fact]
    public void A_different_seed_gives_different_ballots()
    {
        var a = Directory.CreateTempSubdirectory("corpus-c");
        try
        {
            using var generator = new GoldenCorpusGenerator(General);
            var one = generator.Generate(new CorpusOptions(3, 1), a.FullName);
            var two = generator.Generate(new CorpusOptions(3, 2), a.FullName);
            static string Scenarios(CorpusManifest m) => string.Join(",", m.Sheets.SelectMany(s => s.Contests.Select(c => c.Scenario)));
            Assert.NotEqual(Scenarios(one), Scenarios(two));
        }
        finally
        {
            a.Delete(true);
        }
    }

    [Fact]
    public void Committed_curated_set_is_what_the_generator_makes()
    {
        var fresh = Directory.CreateTempSubdirectory("curated");
        try
        {
            using var generator = new GoldenCorpusGenerator(General);
            generator.Generate(CuratedSet.Options(General), fresh.FullName);
            foreach (var file in fresh.GetFiles())
            {
                var committed = Path.Combine(GoldenDir, file.Name);
                Assert.True(File.Exists(committed), $"{file.Name} is missing from tests/golden-ballots: regenerate with ./centralcount testdeck curated");
                Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(file.FullName)), $"{file.Name} differs from the generator's output: regenerate with ./centralcount testdeck curated");
            }
        }
        finally
        {
            fresh.Delete(true);
        }
    }

    [Fact]
    public void Curated_set_shows_every_clause_and_every_defect_at_least_twice_and_stays_small()
    {
        var manifest = CorpusManifest.Read(GoldenDir);
        var readable = manifest.Sheets.Where(s => s.ExpectedReject == "none").ToList();
        foreach (var clause in MontanaRules.All)
        {
            var count = readable.SelectMany(s => s.Contests).Count(c => c.Clause == clause.Id);
            Assert.True(count >= 2, $"{clause.Id} appears {count} time(s)");
        }

        foreach (var defect in new[] { "missing-timing-marks", "streak-through-positions", "half-page", "wrong-election" })
        {
            Assert.True(manifest.Sheets.Count(s => s.ExpectedReject == defect) >= 2, defect);
        }

        Assert.True(readable.Count(s => s.Swapped) >= 2);
        Assert.True(readable.Count(s => s.Scan.UpsideDown) >= 2);
        Assert.True(readable.Count(s => s.Scan.Format == "TiffG4") >= 2);
        Assert.True(readable.Count(s => s.Scan.FeedStretch != 0) >= 2);
        Assert.True(readable.Count(s => s.Scan.Folds.Count > 0) >= 2);
        Assert.True(readable.Count(s => s.Scan.MissingMarks > 0) >= 2);
        Assert.True(readable.Count(s => Math.Abs(s.Scan.SkewDegrees) > 4) >= 2);
        Assert.True(readable.Count(s => s.Scan.BlurSigma > 0) >= 2);
        var bytes = new DirectoryInfo(GoldenDir).EnumerateFiles().Sum(f => f.Length);
        Assert.True(bytes < 20L * 1024 * 1024, $"{bytes} bytes");
    }

    [Fact]
    public void Curated_manifest_outcomes_follow_the_rule_table()
    {
        var manifest = CorpusManifest.Read(GoldenDir);
        var checkedContests = 0;
        foreach (var sheet in manifest.Sheets)
        {
            var style = General.FindStyle(sheet.StyleId)!;
            foreach (var truth in sheet.Contests)
            {
                var contest = General.Contest(truth.ContestId);
                var page = sheet.Pages.Single(p => p.Positions.Any(x => x.ContestId == truth.ContestId));
                var layout = style.Page(sheet.SheetNumber, page.Side == "front" ? PageSide.Front : PageSide.Back);
                var drawn = page.Positions.Where(x => x.ContestId == truth.ContestId).Select(x => new DrawnPosition(
                    layout.Positions.Single(p => p.ContestId == x.ContestId && p.OptionId == x.OptionId && p.WriteInIndex == x.WriteInIndex),
                    [.. x.Marks.Select(m => new DrawnMark(Enum.Parse<MarkKind>(m.Kind), m.Ink, m.Text, m.Pressure))],
                    x.Written is null ? WrittenKind.None : Enum.Parse<WrittenKind>(x.Written), x.WrittenText, x.WrittenFor)).ToList();
                var read = RuleTable.Expect(contest, drawn);
                Assert.Equal(truth.Outcome, read.Kind.Name());
                Assert.Equal(truth.Clause, read.Clause?.Id);
                Assert.Equal(truth.Votes, read.Votes);
                Assert.Equal(truth.SuggestedVotes, read.Suggestion?.Votes);
                checkedContests++;
            }
        }

        Assert.True(checkedContests > 300);
    }
}
