using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Election.Rules;
using CentralCount.TestDeck.Marks;

namespace CentralCount.TestDeck.Corpus;

/// <summary>A contest as the voter left it: the scenario, the marks drawn, and the outcome that scenario must have.</summary>
public sealed record PlannedContest(Contest Contest, Scenario Scenario, IReadOnlyList<DrawnPosition> Drawn, ContestOutcome Expected);

/// <summary>
/// Chooses what a voter did in a contest and which marks that takes. The expected outcome is
/// stated per scenario, straight from the design brief's rule table.
/// </summary>
public static class ScenarioPlanner
{
    private static readonly string[] Comments = ["none of the above", "no good choices", "I do not support any", "VOTE THEM ALL OUT"];
    private static readonly string[] OtherNames = ["Mickey Mouse", "Joe Sixpack", "Santa Claus", "Daffy Duck"];
    private static readonly string[] Words = ["this one", "YES", "<-- vote"];
    private static readonly Ink[] StandardInks = [Ink.BlackPen, Ink.BluePen];
    private static readonly Ink[] OtherInks = [Ink.RedPen, Ink.GreenPen, Ink.Pencil, Ink.FeltMarker];

    /// <summary>Scenarios that make sense for this contest (enough options, write-in slots, declared candidates).</summary>
    public static IReadOnlyList<Scenario> Applicable(Contest contest, bool bilevel)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var n = contest.VoteFor;
        var options = contest.OptionIds.Count;
        var writeIns = contest is CandidateContest c ? c.WriteInSlots : 0;
        var declared = contest is CandidateContest d ? d.DeclaredWriteIns.Count : 0;
        var list = new List<Scenario> { Scenario.Clean, Scenario.Blank, Scenario.MixedInstruments, Scenario.CircledOrChecked, Scenario.ConnectiveLine, Scenario.WordInstead, Scenario.OutsideNear };
        if (options >= 2)
        {
            list.Add(Scenario.HesitationMark);
            if (!bilevel)
            {
                // A 1-bit scanner turns erasure residue white: the residue cannot be seen on such a scan.
                list.Add(Scenario.Erasure);
            }
        }

        if (options >= n + 1)
        {
            list.AddRange([Scenario.HeavyOvervote, Scenario.PartialMark, Scenario.UnclearOvervote]);
        }

        if (n == 1 && options >= 2)
        {
            list.Add(Scenario.IndicatedAmongSeveral);
        }

        if (writeIns == 0)
        {
            list.Add(Scenario.AllCrossedOut);
        }
        else
        {
            list.AddRange([Scenario.WriteInAreaOnly, Scenario.CommentOnly, Scenario.UndeclaredName, Scenario.PrintedAndEmptyWriteIn, Scenario.PrintedAndComment, Scenario.PrintedAndSameNameUnmarked]);
            if (declared > 0)
            {
                list.AddRange([Scenario.WriteInDeclared, Scenario.WriteInNameOnly]);
            }

            if (n == 1)
            {
                list.AddRange([Scenario.PrintedAndOtherName, Scenario.PrintedAndSameName]);
            }
        }

        return list;
    }

    /// <summary>How few contests can show a scenario: 0 needs declared write-ins, 3 fits almost anywhere.</summary>
    public static int Rarity(Scenario scenario) => scenario switch
    {
        Scenario.WriteInDeclared or Scenario.WriteInNameOnly => 0,
        Scenario.PrintedAndOtherName or Scenario.PrintedAndSameName or Scenario.IndicatedAmongSeveral => 1,
        Scenario.WriteInAreaOnly or Scenario.CommentOnly or Scenario.UndeclaredName or Scenario.PrintedAndEmptyWriteIn
            or Scenario.PrintedAndComment or Scenario.PrintedAndSameNameUnmarked or Scenario.AllCrossedOut => 2,
        _ => 3,
    };

    /// <summary>Picks a scenario: mostly clean votes and blanks, the rest spread over every applicable clause.</summary>
    public static Scenario Pick(Contest contest, Random random, bool bilevel, double cleanShare = 0.55)
    {
        ArgumentNullException.ThrowIfNull(random);
        var roll = random.NextDouble();
        if (roll < cleanShare)
        {
            return Scenario.Clean;
        }

        if (roll < cleanShare + 0.1)
        {
            return Scenario.Blank;
        }

        var others = Applicable(contest, bilevel).Where(s => s is not (Scenario.Clean or Scenario.Blank)).ToList();
        return others[random.Next(others.Count)];
    }

    /// <summary>Clean black-pen fills for exactly the given options (a test deck's declared votes).</summary>
    public static PlannedContest PlanVotes(Contest contest, IReadOnlyList<VotingPosition> positions, IReadOnlyList<string> optionIds, Random random)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(optionIds);
        var drawn = positions.Select(p => new DrawnPosition(p, p.OptionId is { } id && optionIds.Contains(id) ? [new DrawnMark(MarkKind.FullFill, Ink.BlackPen.Name)] : [])).ToList();
        var expected = optionIds.Count == 0 ? ContestOutcome.Undervote
            : optionIds.Count > contest.VoteFor ? ContestOutcome.ToBoard(MontanaRules.HeavyMarks, ContestOutcome.Overvote)
            : ContestOutcome.Counted(optionIds);
        var scenario = optionIds.Count == 0 ? Scenario.Blank : optionIds.Count > contest.VoteFor ? Scenario.HeavyOvervote : Scenario.Clean;
        return new PlannedContest(contest, scenario, drawn, expected);
    }

    public static PlannedContest Plan(Contest contest, IReadOnlyList<VotingPosition> positions, Scenario scenario, Random random)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(random);
        var marks = positions.ToDictionary(p => p, _ => new List<DrawnMark>());
        var written = new Dictionary<VotingPosition, (WrittenKind Kind, string Text, string? For)>();
        var printed = positions.Where(p => !p.IsWriteIn).OrderBy(_ => random.Next()).ToList();
        var writeIn = positions.FirstOrDefault(p => p.IsWriteIn);
        var n = contest.VoteFor;
        var pen = StandardInks[random.Next(StandardInks.Length)];
        var pressure = Math.Round(0.75 + (random.NextDouble() * 0.25), 2);
        void Mark(VotingPosition p, MarkKind kind, Ink? ink = null, string? text = null) => marks[p].Add(new DrawnMark(kind, (ink ?? pen).Name, text, ink is null ? pressure : 1.0));
        List<string> Fill(int count)
        {
            var chosen = printed.Take(count).ToList();
            chosen.ForEach(p => Mark(p, MarkKind.FullFill));
            return [.. chosen.Select(p => p.OptionId!)];
        }

        string Target() => printed[0].OptionId!;
        ContestOutcome Board(RuleClause clause, ContestOutcome suggestion) => ContestOutcome.ToBoard(clause, suggestion);
        var candidateNames = contest is CandidateContest cc ? cc.Candidates.ToDictionary(k => k.Id, k => k.Name) : [];

        ContestOutcome expected;
        switch (scenario)
        {
            case Scenario.Clean:
                expected = ContestOutcome.Counted(Fill(1 + random.Next(Math.Min(n, printed.Count))));
                break;
            case Scenario.Blank:
                expected = ContestOutcome.Undervote;
                break;
            case Scenario.MixedInstruments:
                var chosenInks = printed.Take(1 + random.Next(Math.Min(n, printed.Count))).Select(p =>
                {
                    var ink = OtherInks[random.Next(OtherInks.Length)];
                    Mark(p, ink == Ink.Pencil ? MarkKind.PencilFill : MarkKind.FullFill, ink);
                    return p.OptionId!;
                }).ToList();
                expected = ContestOutcome.Counted(chosenInks).Citing(MontanaRules.MixedInstruments);
                break;
            case Scenario.Erasure:
                var kept = Fill(Math.Min(n, printed.Count - 1));
                Mark(printed[kept.Count], MarkKind.ErasureResidue);
                expected = Board(MontanaRules.Erasure, ContestOutcome.Counted(kept));
                break;
            case Scenario.HeavyOvervote:
                Fill(n + 1);
                expected = Board(MontanaRules.HeavyMarks, ContestOutcome.Overvote);
                break;
            case Scenario.PartialMark:
                var full = Fill(Math.Min(n, printed.Count - 1));
                Mark(printed[full.Count], MarkKind.PartialFill);
                expected = Board(MontanaRules.PartialMark, ContestOutcome.Overvote);
                break;
            case Scenario.HesitationMark:
                var filled = Fill(Math.Min(n, printed.Count - 1));
                Mark(printed[filled.Count], MarkKind.HesitationDot);
                expected = Board(MontanaRules.HesitationMark, ContestOutcome.Counted(filled));
                break;
            case Scenario.CircledOrChecked:
                MarkKind[] indicative = [MarkKind.CircleAroundBubble, MarkKind.CircleName, MarkKind.UnderlineName, MarkKind.Check, MarkKind.Cross, MarkKind.Slash];
                Mark(printed[0], indicative[random.Next(indicative.Length)]);
                expected = Board(MontanaRules.CircledOrChecked, ContestOutcome.Counted([Target()]));
                break;
            case Scenario.ConnectiveLine:
                Mark(printed[0], MarkKind.ConnectiveLine);
                expected = Board(MontanaRules.ConnectiveLine, ContestOutcome.Counted([Target()]));
                break;
            case Scenario.UnclearOvervote:
                printed.Take(n + 1).ToList().ForEach(p => Mark(p, MarkKind.Cross));
                expected = Board(MontanaRules.UnclearOvervote, ContestOutcome.Overvote);
                break;
            case Scenario.IndicatedAmongSeveral:
                Fill(2);
                Mark(printed[0], MarkKind.Word, text: "this one");
                expected = Board(MontanaRules.IndicatedAmongSeveral, ContestOutcome.Counted([Target()]));
                break;
            case Scenario.WordInstead:
                Mark(printed[0], MarkKind.Word, text: Words[random.Next(Words.Length)]);
                expected = Board(MontanaRules.WordInstead, ContestOutcome.Counted([Target()]));
                break;
            case Scenario.AllCrossedOut:
                printed.ForEach(p => Mark(p, MarkKind.CrossedOut));
                expected = Board(MontanaRules.AllCrossedOut, ContestOutcome.Undervote);
                break;
            case Scenario.OutsideNear:
                Mark(printed[0], MarkKind.OutsideNear);
                expected = Board(MontanaRules.OutsideNear, ContestOutcome.Counted([Target()]));
                break;
            case Scenario.WriteInDeclared:
                var declared = ((CandidateContest)contest).DeclaredWriteIns[random.Next(((CandidateContest)contest).DeclaredWriteIns.Count)];
                var designations = new[] { declared.Name }.Concat(declared.Designations).ToList();
                Mark(writeIn!, MarkKind.FullFill);
                written[writeIn!] = (WrittenKind.DeclaredDesignation, designations[random.Next(designations.Count)], declared.Id);
                expected = Board(MontanaRules.WriteInValid, ContestOutcome.Counted([declared.Id]));
                break;
            case Scenario.WriteInNameOnly:
                var named = ((CandidateContest)contest).DeclaredWriteIns[random.Next(((CandidateContest)contest).DeclaredWriteIns.Count)];
                written[writeIn!] = (WrittenKind.DeclaredDesignation, named.Name, named.Id);
                expected = Board(MontanaRules.WriteInNameOnly, ContestOutcome.Undervote);
                break;
            case Scenario.WriteInAreaOnly:
                Mark(writeIn!, MarkKind.FullFill);
                expected = Board(MontanaRules.WriteInAreaOnly, ContestOutcome.Undervote);
                break;
            case Scenario.CommentOnly:
                written[writeIn!] = (WrittenKind.Comment, Comments[random.Next(Comments.Length)], null);
                expected = Board(MontanaRules.CommentOnly, ContestOutcome.Undervote);
                break;
            case Scenario.UndeclaredName:
                if (random.Next(2) == 0)
                {
                    Mark(writeIn!, MarkKind.FullFill);
                }

                written[writeIn!] = (WrittenKind.OtherName, OtherNames[random.Next(OtherNames.Length)], null);
                expected = Board(MontanaRules.UndeclaredName, ContestOutcome.Undervote);
                break;
            case Scenario.PrintedAndEmptyWriteIn:
                var p1 = Fill(1);
                Mark(writeIn!, MarkKind.FullFill);
                expected = Board(MontanaRules.PrintedAndEmptyWriteIn, ContestOutcome.Counted(p1));
                break;
            case Scenario.PrintedAndOtherName:
                var p2 = Fill(1);
                Mark(writeIn!, MarkKind.FullFill);
                written[writeIn!] = (WrittenKind.OtherName, OtherNames[random.Next(OtherNames.Length)], null);
                expected = Board(MontanaRules.PrintedAndWrittenName, ContestOutcome.Overvote);
                break;
            case Scenario.PrintedAndSameName:
                var p3 = Fill(1);
                Mark(writeIn!, MarkKind.FullFill);
                written[writeIn!] = (WrittenKind.PrintedCandidateName, candidateNames[p3[0]], p3[0]);
                expected = Board(MontanaRules.PrintedAndWrittenName, ContestOutcome.Counted(p3));
                break;
            case Scenario.PrintedAndSameNameUnmarked:
                var p4 = Fill(1);
                written[writeIn!] = (WrittenKind.PrintedCandidateName, candidateNames[p4[0]], p4[0]);
                expected = Board(MontanaRules.PrintedAndSameNameUnmarked, ContestOutcome.Counted(p4));
                break;
            case Scenario.PrintedAndComment:
                var p5 = Fill(1);
                if (random.Next(2) == 0)
                {
                    Mark(writeIn!, MarkKind.FullFill);
                }

                written[writeIn!] = (WrittenKind.Comment, Comments[random.Next(Comments.Length)], null);
                expected = Board(MontanaRules.PrintedAndComment, ContestOutcome.Counted(p5));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }

        foreach (var (position, (_, text, _)) in written)
        {
            marks[position].Add(new DrawnMark(MarkKind.Handwriting, pen.Name, text, pressure));
        }

        var drawn = positions.Select(p => written.TryGetValue(p, out var w)
            ? new DrawnPosition(p, marks[p], w.Kind, w.Text, w.For)
            : new DrawnPosition(p, marks[p])).ToList();
        return new PlannedContest(contest, scenario, drawn, expected);
    }
}
