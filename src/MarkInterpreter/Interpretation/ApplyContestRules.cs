using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Election.Rules;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>One position of a contest as read: where it is and how its marks classify.</summary>
public sealed record PositionMark(VotingPosition Position, MarkReading Reading);

/// <summary>The write-in facts the machine sees in a contest, kept for the board's reading of the name.</summary>
/// <param name="Slot">The write-in slot with ink or a mark.</param>
/// <param name="OvalMarked">Its oval is filled.</param>
/// <param name="NameWritten">Ink in its write-in area.</param>
/// <param name="PrintedVotes">Printed options filled in the same contest.</param>
public sealed record WriteInState(int Slot, bool OvalMarked, bool NameWritten, IReadOnlyList<string> PrintedVotes);

/// <summary>A contest on a sheet as the machine reads it: the outcome, and the write-in facts when there are any.</summary>
public sealed record ContestReading(Contest Contest, ContestOutcome Outcome, WriteInState? WriteIn, IReadOnlyList<PositionMark> Marks);

/// <summary>
/// ARM 44.3.2402(2) and 44.3.2403(2) as the machine applies them to the classified marks of one
/// contest. Only marks made as instructed, no more than allowed, are counted; every other case is
/// sent to the board with the clause that governs it and the outcome that clause suggests, unless
/// the county made that clause automatic.
/// </summary>
public static class ApplyContestRules
{
    public static ContestReading Apply(Contest contest, IReadOnlyList<PositionMark> marks, InterpretationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(settings);
        var (outcome, writeIn) = Decide(contest, marks);
        if (outcome.Kind == OutcomeKind.Board && settings.IsAutomatic(outcome.Clause!))
        {
            outcome = outcome.Suggestion!.Citing(outcome.Clause!);
        }

        return new ContestReading(contest, outcome, writeIn, marks);
    }

    private static (ContestOutcome Outcome, WriteInState? WriteIn) Decide(Contest contest, IReadOnlyList<PositionMark> marks)
    {
        var printed = marks.Where(m => !m.Position.IsWriteIn).ToList();
        var filled = printed.Where(m => m.Reading.Class == MarkClass.Filled).ToList();
        var votes = filled.Select(m => m.Position.OptionId!).ToList();
        var writeIn = marks.Where(m => m.Position.IsWriteIn && (m.Reading.Class == MarkClass.Filled || m.Reading.WrittenIn))
            .Select(m => new WriteInState(m.Position.WriteInIndex!.Value, m.Reading.Class == MarkClass.Filled, m.Reading.WrittenIn, votes))
            .FirstOrDefault();
        ContestOutcome Board(RuleClause clause, ContestOutcome suggestion) => ContestOutcome.ToBoard(clause, suggestion);
        List<string> Options(Func<PositionMark, bool> which) => [.. printed.Where(which).Select(m => m.Position.OptionId!)];
        var others = printed.Where(m => m.Reading.Class is not (MarkClass.Filled or MarkClass.Empty)).ToList();
        if (writeIn is not null)
        {
            if (others.Count == 0)
            {
                return (WriteInRules.Provisional(writeIn), writeIn);
            }

            // A write-in among other questionable marks: the board sees all of it.
            var marked = filled.Count + others.Count + (writeIn.OvalMarked ? 1 : 0);
            return (marked > contest.VoteFor
                ? Board(MontanaRules.UnclearOvervote, ContestOutcome.Overvote)
                : Board(MontanaRules.CircledOrChecked, ContestOutcome.Counted(Options(m => m.Reading.Class != MarkClass.Empty))), writeIn);
        }

        if (printed.Count > 0 && printed.All(m => m.Reading.Class == MarkClass.CrossedOut))
        {
            return (Board(MontanaRules.AllCrossedOut, ContestOutcome.Undervote), null);
        }

        var crossedOut = printed.Any(m => m.Reading.Class == MarkClass.CrossedOut);
        if (filled.Count > 0)
        {
            if (others.Any(m => m.Reading.Class == MarkClass.Erasure))
            {
                return (Board(MontanaRules.Erasure, ContestOutcome.Counted(votes)), null);
            }

            if (others.Any(m => m.Reading.Class == MarkClass.Partial))
            {
                return (Board(MontanaRules.PartialMark, ContestOutcome.Overvote), null);
            }

            if (others.Any(m => m.Reading.Class == MarkClass.Hesitation))
            {
                return (Board(MontanaRules.HesitationMark, ContestOutcome.Counted(votes)), null);
            }

            if (filled.Count > contest.VoteFor)
            {
                var indicated = Options(m => m.Reading.Class == MarkClass.Filled && m.Reading.WordsBeside);
                return indicated.Count > 0
                    ? (Board(MontanaRules.IndicatedAmongSeveral, ContestOutcome.Counted(indicated)), null)
                    : (Board(MontanaRules.HeavyMarks, ContestOutcome.Overvote), null);
            }

            // Fills plus other marks in or by other ovals: counted only by the board.
            if (others.Count > 0)
            {
                return filled.Count + others.Count > contest.VoteFor
                    ? (Board(MontanaRules.UnclearOvervote, ContestOutcome.Overvote), null)
                    : (Board(MontanaRules.CircledOrChecked, ContestOutcome.Counted(Options(m => m.Reading.Class != MarkClass.Empty))), null);
            }

            return (ContestOutcome.Counted(votes), null);
        }

        var strokes = Options(m => m.Reading.Class is MarkClass.Check or MarkClass.Slash or MarkClass.Cross);
        if (strokes.Count > contest.VoteFor)
        {
            return (Board(MontanaRules.UnclearOvervote, ContestOutcome.Overvote), null);
        }

        foreach (var (markClass, clause) in new[]
        {
            (MarkClass.Words, MontanaRules.WordInstead),
            (MarkClass.ConnectiveLine, MontanaRules.ConnectiveLine),
            (MarkClass.OutsideNear, MontanaRules.OutsideNear),
        })
        {
            var marked = Options(m => m.Reading.Class == markClass);
            if (marked.Count > 0)
            {
                return (Board(clause, Suggest(contest, marked)), null);
            }
        }

        var indicative = Options(m => m.Reading.Class is MarkClass.CircledOval or MarkClass.NameMarked or MarkClass.Check or MarkClass.Slash
            or MarkClass.Cross or MarkClass.Partial or MarkClass.Hesitation);
        if (indicative.Count > 0)
        {
            return (Board(MontanaRules.CircledOrChecked, Suggest(contest, indicative)), null);
        }

        if (others.Any(m => m.Reading.Class == MarkClass.Erasure))
        {
            return (Board(MontanaRules.Erasure, ContestOutcome.Undervote), null);
        }

        // Some options crossed out and nothing chosen: the board confirms there is no vote.
        return crossedOut ? (Board(MontanaRules.AllCrossedOut, ContestOutcome.Undervote), null) : (ContestOutcome.Undervote, null);
    }

    private static ContestOutcome Suggest(Contest contest, List<string> options) =>
        options.Count > contest.VoteFor ? ContestOutcome.Overvote : ContestOutcome.Counted(options);
}
