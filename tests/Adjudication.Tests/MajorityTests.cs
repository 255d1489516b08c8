using CentralCount.Adjudication.Decisions;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.Adjudication.Tests;

/// <summary>ARM 44.3.2402(1) as properties: a vote counts only as a majority judged it, and a board that cannot agree leaves it not valid.</summary>
public sealed class MajorityTests
{
    private static readonly BoardOutcome[] Choices =
        [BoardOutcome.Counted(["a"]), BoardOutcome.Counted(["b"]), BoardOutcome.Counted(["a", "b"]), BoardOutcome.Undervote, BoardOutcome.Overvote, BoardOutcome.NotValid];

    private static Arbitrary<(int Size, BoardOutcome[] Decisions)> Boards() =>
        (from size in Gen.Choose(1, 7)
         from count in Gen.Choose(0, size)
         from picks in Gen.ArrayOf(Gen.Elements(Choices), count)
         select (size, picks)).ToArbitrary();

    [Fact]
    public void A_clear_outcome_is_settled_only_when_a_majority_chose_exactly_it() =>
        Prop.ForAll(Boards(), b =>
        {
            var settled = DecideByMajority.Settle(b.Size, b.Decisions);
            return settled is null || settled.Kind == BoardOutcomeKind.NotValid
                || b.Decisions.Count(d => d.Equals(settled)) >= DecideByMajority.Majority(b.Size);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Not_valid_only_when_no_clear_outcome_can_still_reach_a_majority() =>
        Prop.ForAll(Boards(), b =>
        {
            if (DecideByMajority.Settle(b.Size, b.Decisions) != BoardOutcome.NotValid)
            {
                return true;
            }

            var remaining = b.Size - b.Decisions.Length;
            var best = b.Decisions.Where(d => d.Kind != BoardOutcomeKind.NotValid).GroupBy(d => d).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            return best + remaining < DecideByMajority.Majority(b.Size);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_full_board_always_settles_and_the_order_of_decisions_does_not_matter() =>
        Prop.ForAll(Boards(), b =>
        {
            var full = b.Decisions.Concat(Enumerable.Repeat(BoardOutcome.NotValid, b.Size - b.Decisions.Length)).ToArray();
            var settled = DecideByMajority.Settle(b.Size, full);
            var reversed = DecideByMajority.Settle(b.Size, [.. full.Reverse()]);
            return settled is not null && settled.Equals(reversed)
                && Equals(DecideByMajority.Settle(b.Size, b.Decisions), DecideByMajority.Settle(b.Size, [.. b.Decisions.Reverse()]));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Three_members_two_agreeing_settle_and_three_different_leave_it_not_valid()
    {
        var a = BoardOutcome.Counted(["a"]);
        Assert.Null(DecideByMajority.Settle(3, [a]));
        Assert.Null(DecideByMajority.Settle(3, [a, BoardOutcome.Overvote]));
        Assert.Equal(a, DecideByMajority.Settle(3, [a, BoardOutcome.Counted(["a"])]));
        Assert.Equal(BoardOutcome.NotValid, DecideByMajority.Settle(3, [a, BoardOutcome.Overvote, BoardOutcome.NotValid]));
        Assert.Equal(BoardOutcome.NotValid, DecideByMajority.Settle(3, [BoardOutcome.NotValid, BoardOutcome.NotValid]));
        Assert.Throws<ArgumentException>(() => DecideByMajority.Settle(3, [a, a, a, a]));
    }
}
