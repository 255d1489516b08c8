namespace CentralCount.Election.Rules;

/// <summary>The clauses of ARM 44.3.2402(2) and 44.3.2403(2) the engine applies, with their directions.</summary>
public static class MontanaRules
{
    public static RuleClause Erasure { get; } = new("2402(2)(a)", "more than one voting area marked, at least one erased (residue or not)", "count a vote for the voting area that has been marked");

    public static RuleClause HeavyMarks { get; } = new("2402(2)(b)", "one voting area marked and another marked heavily, no erasure attempted", "designate an overvote");

    public static RuleClause PartialMark { get; } = new("2402(2)(c)", "one voting area marked and a partially completed mark in another", "designate an overvote");

    public static RuleClause HesitationMark { get; } = new("2402(2)(d)", "one voting area marked and a hesitation mark in another", "count a vote for the voting area that has been marked");

    public static RuleClause CircledOrChecked { get; } = new("2402(2)(e)", "voting area not marked according to instructions, but it or the choice is circled, underlined, checked or otherwise clearly marked", "count a vote for the marked choice");

    public static RuleClause ConnectiveLine { get; } = new("2402(2)(f)", "voting area not marked, but a connective line or arrow joins the choice and the voting area", "count a vote for the voting area so marked");

    public static RuleClause UnclearOvervote { get; } = new("2402(2)(g)", "more than the allowed voting areas marked and no clear mark shows the intended choice (an X in both, say)", "designate an overvote");

    public static RuleClause IndicatedAmongSeveral { get; } = new("2402(2)(h)", "more than one voting area marked, but a clear word, mark or statement indicates the intended vote", "count a vote for the voting area indicated");

    public static RuleClause WordInstead { get; } = new("2402(2)(i)", "a word or statement used instead of marking the voting area", "count a vote for the voting area indicated");

    public static RuleClause AllCrossedOut { get; } = new("2402(2)(j)", "all voting areas crossed out", "designate an undervote");

    public static RuleClause OutsideNear { get; } = new("2402(2)(k)", "a mark outside but close to the voting area, which is not marked", "count a vote for the voting area determined as intended");

    public static RuleClause MixedInstruments { get; } = new("2402(2)(l)", "different colours or types of marking instruments", "count the votes as marked");

    public static RuleClause WriteInValid { get; } = new("2403(2)", "a write-in with the voting area marked and a name written", "count only if the name identifies a declared write-in candidate by a filed designation");

    public static RuleClause WriteInNameOnly { get; } = new("2403(2)(a)", "a name written in, the write-in voting area not marked, no other candidate selected", "designate an undervote");

    public static RuleClause WriteInAreaOnly { get; } = new("2403(2)(b)", "the write-in voting area marked, no name written, no other candidate selected", "designate an undervote");

    public static RuleClause PrintedAndEmptyWriteIn { get; } = new("2403(2)(c)", "a printed candidate marked and the write-in voting area marked, no name written", "count a vote for the printed candidate");

    public static RuleClause PrintedAndWrittenName { get; } = new("2403(2)(d)", "a printed candidate marked, a name written and the write-in voting area marked", "overvote if the names differ; count the printed candidate if they are the same");

    public static RuleClause PrintedAndSameNameUnmarked { get; } = new("2403(2)(e)", "a printed candidate marked and the same name written, the write-in voting area not marked", "count a vote for the printed candidate");

    public static RuleClause CommentOnly { get; } = new("2403(2)(f)", "comments written that do not indicate a clear vote, no candidate marked", "designate an undervote");

    public static RuleClause PrintedAndComment { get; } = new("2403(2)(g)", "a printed candidate marked and a comment written", "count the printed candidate unless the comment creates uncertainty or says not to count it");

    public static RuleClause UndeclaredName { get; } = new("2403(2)(h)", "no printed candidate marked and a name written that is not a declared write-in candidate", "designate an undervote");

    public static RuleClause PrimaryCrossover { get; } = new("1703(1)(c)", "a primary card with votes in more than one political party's contests", "count only the votes of the party the voter chose; votes in several parties' contests count in none");

    public static IReadOnlyList<RuleClause> All { get; } =
    [
        Erasure, HeavyMarks, PartialMark, HesitationMark, CircledOrChecked, ConnectiveLine, UnclearOvervote, IndicatedAmongSeveral,
        WordInstead, AllCrossedOut, OutsideNear, MixedInstruments, WriteInValid, WriteInNameOnly, WriteInAreaOnly, PrintedAndEmptyWriteIn,
        PrintedAndWrittenName, PrintedAndSameNameUnmarked, CommentOnly, PrintedAndComment, UndeclaredName,
    ];

    public static RuleClause Get(string id) => All.Append(PrimaryCrossover).FirstOrDefault(c => c.Id == id)
        ?? throw new KeyNotFoundException($"no clause {id}");
}
