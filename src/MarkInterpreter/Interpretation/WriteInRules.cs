using CentralCount.Election;
using CentralCount.Election.Rules;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>What the board read in a write-in area: the words, and whether they are a name or a comment.</summary>
public sealed record WriteInReading(string Text, bool IsComment);

/// <summary>
/// ARM 44.3.2403(2): the machine sees whether the write-in oval is marked, whether something is
/// written and which printed options are marked; the board reads the words; the clause then
/// follows from both, with the name matched to the declared write-in candidates by their filed
/// designations.
/// </summary>
public static class WriteInRules
{
    /// <summary>The board item before the name is read: the clause the visible facts point to.</summary>
    public static ContestOutcome Provisional(WriteInState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var printed = s.PrintedVotes.Count > 0;
        return (printed, s.OvalMarked, s.NameWritten) switch
        {
            (false, true, true) => ContestOutcome.ToBoard(MontanaRules.WriteInValid, ContestOutcome.Counted([ContestOutcome.WriteInVote(s.Slot)])),
            (false, true, false) => ContestOutcome.ToBoard(MontanaRules.WriteInAreaOnly, ContestOutcome.Undervote),
            (false, false, _) => ContestOutcome.ToBoard(MontanaRules.WriteInNameOnly, ContestOutcome.Undervote),
            (true, true, false) => ContestOutcome.ToBoard(MontanaRules.PrintedAndEmptyWriteIn, ContestOutcome.Counted(s.PrintedVotes)),
            (true, true, true) => ContestOutcome.ToBoard(MontanaRules.PrintedAndWrittenName, ContestOutcome.Overvote),
            (true, false, _) => ContestOutcome.ToBoard(MontanaRules.PrintedAndSameNameUnmarked, ContestOutcome.Counted(s.PrintedVotes)),
        };
    }

    /// <summary>The clause and suggestion once the board has read what is written (null when nothing is).</summary>
    public static ContestOutcome Resolve(Contest contest, WriteInState s, WriteInReading? reading, bool federalWriteInAbsentee = false)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(s);
        var printed = s.PrintedVotes.Count > 0;
        var text = reading?.Text.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return Provisional(s with { NameWritten = false });
        }

        if (reading!.IsComment)
        {
            return printed
                ? ContestOutcome.ToBoard(MontanaRules.PrintedAndComment, ContestOutcome.Counted(s.PrintedVotes))
                : ContestOutcome.ToBoard(MontanaRules.CommentOnly, ContestOutcome.Undervote);
        }

        if (printed)
        {
            if (!s.OvalMarked)
            {
                return ContestOutcome.ToBoard(MontanaRules.PrintedAndSameNameUnmarked, ContestOutcome.Counted(s.PrintedVotes));
            }

            var same = contest is CandidateContest c && c.Candidates.Any(k => s.PrintedVotes.Contains(k.Id) && NameMatch.Same(text, k.Name));
            return ContestOutcome.ToBoard(MontanaRules.PrintedAndWrittenName, same ? ContestOutcome.Counted(s.PrintedVotes) : ContestOutcome.Overvote);
        }

        var declared = NameMatch.Declared(contest, text, federalWriteInAbsentee);
        if (declared is null)
        {
            return ContestOutcome.ToBoard(MontanaRules.UndeclaredName, ContestOutcome.Undervote);
        }

        return s.OvalMarked
            ? ContestOutcome.ToBoard(MontanaRules.WriteInValid, ContestOutcome.Counted([declared]))
            : ContestOutcome.ToBoard(MontanaRules.WriteInNameOnly, ContestOutcome.Undervote);
    }
}
