using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Election.Rules;
using CentralCount.MarkInterpreter.Interpretation;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>The contest rules on classified marks, and write-in resolution once the board has read the name.</summary>
public sealed class ContestRulesTests
{
    private static readonly CandidateContest Council = new("council", "City Council", "d", null, 2,
        [new("a", "Ann Alder", []), new("b", "Bo Birch", []), new("c", "Cy Cedar", [])], 1,
        [new DeclaredWriteIn("w", "Dana Dogwood", ["D. Dogwood", "Dana D."])]);

    private static readonly VotingPosition[] Positions =
    [
        VotingPosition.ForOption("council", "a", new GridPoint(2, 10)),
        VotingPosition.ForOption("council", "b", new GridPoint(2, 11.4)),
        VotingPosition.ForOption("council", "c", new GridPoint(2, 12.8)),
        VotingPosition.ForWriteIn("council", 0, new GridPoint(2, 14.5), new GridRect(2.5, 13.7, 10, 14.9)),
    ];

    [Fact]
    public void The_machine_counts_only_clean_fills_within_the_limit()
    {
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements(Enum.GetValues<MarkClass>()), 3)), Arb.From(Gen.Elements(true, false)), (classes, written) =>
        {
            var marks = Positions.Take(3).Select((p, i) => new PositionMark(p, new MarkReading(classes[i], false, false)))
                .Append(new PositionMark(Positions[3], new MarkReading(MarkClass.Empty, false, written))).ToList();
            var outcome = ApplyContestRules.Apply(Council, marks, InterpretationSettings.Default).Outcome;
            var filled = marks.Where(m => m.Reading.Class == MarkClass.Filled).Select(m => m.Position.OptionId!).Order(StringComparer.Ordinal).ToList();
            var onlyFillsAndEmpty = classes.All(c => c is MarkClass.Filled or MarkClass.Empty) && !written;
            return outcome.Kind switch
            {
                OutcomeKind.Counted => (onlyFillsAndEmpty && filled.Count <= 2 && outcome.Votes.SequenceEqual(filled)).Label($"counted {outcome} from {string.Join(",", classes)}"),
                OutcomeKind.Undervote => (onlyFillsAndEmpty && filled.Count == 0).Label($"undervote from {string.Join(",", classes)}"),
                OutcomeKind.Overvote => false.Label("the machine never designates an overvote by default"),
                _ => (!onlyFillsAndEmpty || filled.Count > 2).Label($"board without cause: {string.Join(",", classes)}"),
            };
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Theory]
    [InlineData(new[] { MarkClass.Filled, MarkClass.Erasure, MarkClass.Empty }, "2402(2)(a)", "counted", "a")]
    [InlineData(new[] { MarkClass.Filled, MarkClass.Filled, MarkClass.Filled }, "2402(2)(b)", "overvote", "")]
    [InlineData(new[] { MarkClass.Filled, MarkClass.Partial, MarkClass.Empty }, "2402(2)(c)", "overvote", "")]
    [InlineData(new[] { MarkClass.Filled, MarkClass.Hesitation, MarkClass.Empty }, "2402(2)(d)", "counted", "a")]
    [InlineData(new[] { MarkClass.Empty, MarkClass.Check, MarkClass.Empty }, "2402(2)(e)", "counted", "b")]
    [InlineData(new[] { MarkClass.Empty, MarkClass.NameMarked, MarkClass.Empty }, "2402(2)(e)", "counted", "b")]
    [InlineData(new[] { MarkClass.ConnectiveLine, MarkClass.Empty, MarkClass.Empty }, "2402(2)(f)", "counted", "a")]
    [InlineData(new[] { MarkClass.Cross, MarkClass.Cross, MarkClass.Cross }, "2402(2)(g)", "overvote", "")]
    [InlineData(new[] { MarkClass.Words, MarkClass.Empty, MarkClass.Empty }, "2402(2)(i)", "counted", "a")]
    [InlineData(new[] { MarkClass.CrossedOut, MarkClass.CrossedOut, MarkClass.CrossedOut }, "2402(2)(j)", "undervote", "")]
    [InlineData(new[] { MarkClass.Empty, MarkClass.Empty, MarkClass.OutsideNear }, "2402(2)(k)", "counted", "c")]
    public void Each_situation_goes_to_the_board_under_its_clause(MarkClass[] classes, string clause, string suggestion, string votes)
    {
        var marks = Positions.Take(3).Select((p, i) => new PositionMark(p, new MarkReading(classes[i], false, false))).ToList();
        var outcome = ApplyContestRules.Apply(Council, marks, InterpretationSettings.Default).Outcome;
        Assert.Equal(OutcomeKind.Board, outcome.Kind);
        Assert.Equal(clause, outcome.Clause!.Id);
        Assert.Equal(suggestion, outcome.Suggestion!.Kind.ToString().ToLowerInvariant());
        Assert.Equal(votes.Length == 0 ? [] : votes.Split(','), outcome.Suggestion.Votes);
    }

    [Fact]
    public void Words_by_one_of_several_fills_point_to_2402_2_h()
    {
        var marks = new[]
        {
            new PositionMark(Positions[0], new MarkReading(MarkClass.Filled, true, false)),
            new PositionMark(Positions[1], new MarkReading(MarkClass.Filled, false, false)),
            new PositionMark(Positions[2], new MarkReading(MarkClass.Filled, false, false)),
        };
        var outcome = ApplyContestRules.Apply(Council, marks, InterpretationSettings.Default).Outcome;
        Assert.Equal("2402(2)(h)", outcome.Clause!.Id);
        Assert.Equal(["a"], outcome.Suggestion!.Votes);
    }

    [Fact]
    public void A_county_may_make_the_heavy_overvote_automatic()
    {
        var marks = Positions.Take(3).Select(p => new PositionMark(p, new MarkReading(MarkClass.Filled, false, false))).ToList();
        var settings = InterpretationSettings.Default with { AutomaticClauses = new HashSet<string> { "2402(2)(b)" } };
        var outcome = ApplyContestRules.Apply(Council, marks, settings).Outcome;
        Assert.Equal(OutcomeKind.Overvote, outcome.Kind);
        Assert.Equal("2402(2)(b)", outcome.Clause!.Id);
    }

    [Theory]
    [InlineData(false, true, "D. Dogwood", false, "2403(2)", "counted", "w")]
    [InlineData(false, true, "dana   dogwood", false, "2403(2)", "counted", "w")]
    [InlineData(false, false, "Dana Dogwood", false, "2403(2)(a)", "undervote", "")]
    [InlineData(false, true, "", false, "2403(2)(b)", "undervote", "")]
    [InlineData(true, true, "", false, "2403(2)(c)", "counted", "a")]
    [InlineData(true, true, "Ann Alder", false, "2403(2)(d)", "counted", "a")]
    [InlineData(true, true, "Mickey Mouse", false, "2403(2)(d)", "overvote", "")]
    [InlineData(true, false, "Ann Alder", false, "2403(2)(e)", "counted", "a")]
    [InlineData(false, false, "none of these", true, "2403(2)(f)", "undervote", "")]
    [InlineData(true, true, "none of these", true, "2403(2)(g)", "counted", "a")]
    [InlineData(false, true, "Mickey Mouse", false, "2403(2)(h)", "undervote", "")]
    public void Write_ins_resolve_once_the_board_has_read_them(bool printedMarked, bool ovalMarked, string text, bool comment, string clause, string suggestion, string votes)
    {
        var state = new WriteInState(0, ovalMarked, text.Length > 0, printedMarked ? ["a"] : []);
        var outcome = WriteInRules.Resolve(Council, state, text.Length == 0 ? null : new WriteInReading(text, comment));
        Assert.Equal(clause, outcome.Clause!.Id);
        Assert.Equal(suggestion, outcome.Suggestion!.Kind.ToString().ToLowerInvariant());
        Assert.Equal(votes.Length == 0 ? [] : votes.Split(','), outcome.Suggestion.Votes);
    }

    [Fact]
    public void Federal_write_in_absentee_ballots_tolerate_misspellings_but_not_ambiguity()
    {
        Assert.Equal("w", NameMatch.Declared(Council, "Dana Dogwod", federalWriteInAbsentee: true));
        Assert.Null(NameMatch.Declared(Council, "Dana Dogwod"));
        Assert.Equal("a", NameMatch.Declared(Council, "Ann Alderr", federalWriteInAbsentee: true));
        Assert.Null(NameMatch.Declared(Council, "Zed", federalWriteInAbsentee: true));
    }

    [Fact]
    public void A_card_with_votes_in_two_parties_primaries_goes_to_the_board_under_1703_1_c()
    {
        CandidateContest Primary(string id, string party) => new(id, id, "d", party, 1, [new(id + "-x", "X", [party])], 0, []);
        ContestReading Read(Contest c, ContestOutcome o) => new(c, o, null, []);
        var dem = Primary("gov-dem", "dem");
        var rep = Primary("gov-rep", "rep");
        var measure = new MeasureContest("bond", "Bond", "d", MeasureKind.BallotIssue, "text", new("bond-yes", "Yes"), new("bond-no", "No"));
        var oneParty = ApplyPrimaryRule.OnePartyOnly([Read(dem, ContestOutcome.Counted(["gov-dem-x"])), Read(rep, ContestOutcome.Undervote), Read(measure, ContestOutcome.Counted(["bond-yes"]))]);
        Assert.Equal(OutcomeKind.Counted, oneParty[0].Outcome.Kind);
        var crossover = ApplyPrimaryRule.OnePartyOnly([Read(dem, ContestOutcome.Counted(["gov-dem-x"])), Read(rep, ContestOutcome.Counted(["gov-rep-x"])), Read(measure, ContestOutcome.Counted(["bond-yes"]))]);
        Assert.All(crossover.Take(2), c => Assert.Equal("1703(1)(c)", c.Outcome.Clause!.Id));
        Assert.Equal(OutcomeKind.Counted, crossover[2].Outcome.Kind);
    }
}
