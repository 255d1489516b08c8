using CentralCount.Election;
using CentralCount.Election.Rules;
using CentralCount.TestDeck.Marks;

namespace CentralCount.TestDeck.Corpus;

/// <summary>
/// The design brief's rule table, read from what was drawn: given every mark at every position
/// of a contest (and what was written in write-in areas), the outcome ARM 44.3.2402 and
/// 44.3.2403 direct. It looks only at the marks, never at the scenario that drew them, so it
/// checks the corpus generator independently.
/// </summary>
public static class RuleTable
{
    private static readonly string[] StandardInks = [Ink.BlackPen.Name, Ink.BluePen.Name];

    public static ContestOutcome Expect(Contest contest, IReadOnlyList<DrawnPosition> drawn)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(drawn);
        var printed = drawn.Where(d => !d.Position.IsWriteIn).ToList();
        var writeIns = drawn.Where(d => d.Position.IsWriteIn).ToList();
        var printedFilled = printed.Where(d => d.IsFilled).ToList();
        var written = writeIns.FirstOrDefault(w => w.Written != WrittenKind.None);
        var writeInFilled = writeIns.FirstOrDefault(w => w.IsFilled);
        if (written is not null || writeInFilled is not null)
        {
            return ExpectWriteIn(printedFilled, writeInFilled, written);
        }

        var votes = printedFilled.Select(d => d.Position.OptionId!).ToList();
        if (printed.Count > 0 && printed.All(d => d.Has(MarkKind.CrossedOut)))
        {
            return ContestOutcome.ToBoard(MontanaRules.AllCrossedOut, ContestOutcome.Undervote);
        }

        if (printedFilled.Count > 0)
        {
            if (printed.Any(d => d.Has(MarkKind.ErasureResidue)))
            {
                return ContestOutcome.ToBoard(MontanaRules.Erasure, ContestOutcome.Counted(votes));
            }

            if (printed.Any(d => d.Has(MarkKind.PartialFill)))
            {
                return ContestOutcome.ToBoard(MontanaRules.PartialMark, ContestOutcome.Overvote);
            }

            if (printed.Any(d => d.Has(MarkKind.HesitationDot)))
            {
                return ContestOutcome.ToBoard(MontanaRules.HesitationMark, ContestOutcome.Counted(votes));
            }

            if (printedFilled.Count > contest.VoteFor)
            {
                var indicated = printedFilled.Where(d => d.Has(MarkKind.Word)).ToList();
                return indicated.Count > 0
                    ? ContestOutcome.ToBoard(MontanaRules.IndicatedAmongSeveral, ContestOutcome.Counted(indicated.Select(d => d.Position.OptionId!)))
                    : ContestOutcome.ToBoard(MontanaRules.HeavyMarks, ContestOutcome.Overvote);
            }

            var counted = ContestOutcome.Counted(votes);
            var inks = printedFilled.SelectMany(d => d.Marks).Select(m => m.Ink).Distinct().ToList();
            return inks.Any(i => !StandardInks.Contains(i)) || printedFilled.Any(d => d.Has(MarkKind.PencilFill))
                ? counted.Citing(MontanaRules.MixedInstruments)
                : counted;
        }

        var crosses = printed.Where(d => d.Has(MarkKind.Cross)).ToList();
        if (crosses.Count > contest.VoteFor)
        {
            return ContestOutcome.ToBoard(MontanaRules.UnclearOvervote, ContestOutcome.Overvote);
        }

        foreach (var (kind, clause) in new[]
        {
            (MarkKind.Word, MontanaRules.WordInstead),
            (MarkKind.ConnectiveLine, MontanaRules.ConnectiveLine),
            (MarkKind.OutsideNear, MontanaRules.OutsideNear),
        })
        {
            var marked = printed.Where(d => d.Has(kind)).ToList();
            if (marked.Count > 0)
            {
                return ContestOutcome.ToBoard(clause, ContestOutcome.Counted(marked.Select(d => d.Position.OptionId!)));
            }
        }

        var indicative = printed.Where(d => d.Marks.Any(m => m.Kind is MarkKind.CircleAroundBubble or MarkKind.CircleName or MarkKind.UnderlineName
            or MarkKind.Check or MarkKind.Cross or MarkKind.Slash)).ToList();
        return indicative.Count > 0
            ? ContestOutcome.ToBoard(MontanaRules.CircledOrChecked, ContestOutcome.Counted(indicative.Select(d => d.Position.OptionId!)))
            : ContestOutcome.Undervote;
    }

    private static ContestOutcome ExpectWriteIn(List<DrawnPosition> printedFilled, DrawnPosition? writeInFilled, DrawnPosition? written)
    {
        var printedVotes = printedFilled.Select(d => d.Position.OptionId!).ToList();
        var text = written?.Written ?? WrittenKind.None;
        if (printedFilled.Count == 0)
        {
            return (writeInFilled is not null, text) switch
            {
                (true, WrittenKind.DeclaredDesignation) => ContestOutcome.ToBoard(MontanaRules.WriteInValid, ContestOutcome.Counted([written!.WrittenFor!])),
                (true, WrittenKind.None) => ContestOutcome.ToBoard(MontanaRules.WriteInAreaOnly, ContestOutcome.Undervote),
                (_, WrittenKind.Comment) => ContestOutcome.ToBoard(MontanaRules.CommentOnly, ContestOutcome.Undervote),
                (_, WrittenKind.OtherName) => ContestOutcome.ToBoard(MontanaRules.UndeclaredName, ContestOutcome.Undervote),
                (false, _) => ContestOutcome.ToBoard(MontanaRules.WriteInNameOnly, ContestOutcome.Undervote),
                _ => ContestOutcome.ToBoard(MontanaRules.UndeclaredName, ContestOutcome.Undervote),
            };
        }

        if (text == WrittenKind.Comment)
        {
            return ContestOutcome.ToBoard(MontanaRules.PrintedAndComment, ContestOutcome.Counted(printedVotes));
        }

        if (writeInFilled is not null)
        {
            return text switch
            {
                WrittenKind.None => ContestOutcome.ToBoard(MontanaRules.PrintedAndEmptyWriteIn, ContestOutcome.Counted(printedVotes)),
                WrittenKind.PrintedCandidateName when printedVotes.Contains(written!.WrittenFor!) => ContestOutcome.ToBoard(MontanaRules.PrintedAndWrittenName, ContestOutcome.Counted(printedVotes)),
                _ => ContestOutcome.ToBoard(MontanaRules.PrintedAndWrittenName, ContestOutcome.Overvote),
            };
        }

        return ContestOutcome.ToBoard(MontanaRules.PrintedAndSameNameUnmarked, ContestOutcome.Counted(printedVotes));
    }
}
