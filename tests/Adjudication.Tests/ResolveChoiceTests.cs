using CentralCount.Adjudication.Decisions;
using CentralCount.Election;

namespace CentralCount.Adjudication.Tests;

/// <summary>A member's judgement turned into an outcome: write-in names matched to declared candidates by their designations, ARM 44.3.2403(2).</summary>
public sealed class ResolveChoiceTests
{
    private static readonly CandidateContest Senate = new("senate", "Senator", "state", null, 1,
        [new Candidate("ann", "Ann Archer", ["dem"]), new Candidate("bo", "Bo Baker", ["rep"])], 1,
        [new DeclaredWriteIn("wi-cy", "Cyrus Q. Cole", ["Cy Cole"])]);

    [Theory]
    [InlineData("Cyrus Q. Cole")]
    [InlineData("cyrus q cole")]
    [InlineData("CY COLE")]
    public void A_name_or_filed_designation_counts_for_the_declared_candidate(string written)
    {
        var r = ResolveChoice.For(Senate, new MemberChoice(ChoiceKind.Votes, [], [new WriteInRead(0, written, false)]));
        Assert.Equal(BoardOutcome.Counted(["wi-cy"]), r.Outcome);
    }

    [Fact]
    public void An_undeclared_name_or_a_comment_counts_for_no_one()
    {
        Assert.Equal(BoardOutcome.Undervote, ResolveChoice.For(Senate, new MemberChoice(ChoiceKind.Votes, [], [new WriteInRead(0, "Mickey Mouse", false)])).Outcome);
        Assert.Contains(ResolveChoice.For(Senate, new MemberChoice(ChoiceKind.Votes, [], [new WriteInRead(0, "Mickey Mouse", false)])).Notes, n => n.Contains("2403(2)(h)", StringComparison.Ordinal));
        Assert.Equal(BoardOutcome.Undervote, ResolveChoice.For(Senate, new MemberChoice(ChoiceKind.Votes, [], [new WriteInRead(0, "Cy Cole", true)])).Outcome);
    }

    [Fact]
    public void The_printed_name_written_again_is_one_vote_and_another_name_is_an_overvote()
    {
        Assert.Equal(BoardOutcome.Counted(["ann"]), ResolveChoice.For(Senate, new MemberChoice(ChoiceKind.Votes, ["ann"], [new WriteInRead(0, "ann archer", false)])).Outcome);
        Assert.Equal(BoardOutcome.Overvote, ResolveChoice.For(Senate, new MemberChoice(ChoiceKind.Votes, ["ann"], [new WriteInRead(0, "Cy Cole", false)])).Outcome);
        Assert.Equal(BoardOutcome.Overvote, ResolveChoice.For(Senate, MemberChoice.For("ann", "bo")).Outcome);
    }

    [Fact]
    public void Options_and_write_in_areas_the_contest_does_not_have_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ResolveChoice.For(Senate, MemberChoice.For("zed")));
        Assert.Throws<ArgumentException>(() => ResolveChoice.For(Senate, new MemberChoice(ChoiceKind.Votes, [], [new WriteInRead(3, "x", false)])));
        Assert.Equal(BoardOutcome.NotValid, ResolveChoice.For(Senate, MemberChoice.NotClear).Outcome);
    }
}
