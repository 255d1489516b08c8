using CentralCount.Election;
using CentralCount.MarkInterpreter.Interpretation;

namespace CentralCount.Adjudication.Decisions;

/// <summary>A member's choice as the rules turn it into an outcome, with a line for each rule applied.</summary>
public sealed record ResolvedChoice(BoardOutcome Outcome, IReadOnlyList<string> Notes);

/// <summary>
/// Turns what a member judged into the contest's outcome under the rules: names read in write-in
/// areas are matched to the declared write-in candidates by their filed designations (ARM
/// 44.3.2403(2)); a comment or an undeclared name counts for no one ((f), (h)); the same name as
/// the printed candidate chosen is that candidate ((d)); more votes than allowed is an overvote.
/// </summary>
public static class ResolveChoice
{
    public static ResolvedChoice For(Contest contest, MemberChoice choice, bool federalWriteInAbsentee = false)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(choice);
        switch (choice.Kind)
        {
            case ChoiceKind.NotClear:
                return new(BoardOutcome.NotValid, ["intent not clear: the vote is not valid unless a majority finds it clear (44.3.2402(1)(b))"]);
            case ChoiceKind.Overvote:
                return new(BoardOutcome.Overvote, ["designated an overvote"]);
        }

        var unknown = choice.Options.Where(o => !contest.OptionIds.Contains(o)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"contest {contest.Id} has no option {string.Join(", ", unknown)}", nameof(choice));
        }

        var slots = contest is CandidateContest cc ? cc.WriteInSlots : 0;
        if (choice.WriteIns.FirstOrDefault(w => w.Slot < 0 || w.Slot >= slots) is { } bad)
        {
            throw new ArgumentException($"contest {contest.Id} has no write-in area {bad.Slot + 1}", nameof(choice));
        }

        var votes = choice.Options.ToList();
        var notes = new List<string>();
        foreach (var w in choice.WriteIns)
        {
            var text = w.Text.Trim();
            var area = $"write-in {w.Slot + 1}";
            if (text.Length == 0)
            {
                notes.Add($"{area}: nothing written, so no vote for a write-in (44.3.2403(2)(b))");
            }
            else if (w.IsComment)
            {
                notes.Add($"{area}: a comment, not a name: no vote for it (44.3.2403(2)(f), (g))");
            }
            else if (contest is CandidateContest c && c.Candidates.FirstOrDefault(k => votes.Contains(k.Id) && NameMatch.Same(text, k.Name)) is { } same)
            {
                notes.Add($"{area}: \"{text}\" is {same.Name}, already chosen: one vote for {same.Name} (44.3.2403(2)(d))");
            }
            else if (NameMatch.Declared(contest, text, federalWriteInAbsentee) is { } declared)
            {
                var name = ((CandidateContest)contest).DeclaredWriteIns.First(d => d.Id == declared).Name;
                notes.Add($"{area}: \"{text}\" matches declared write-in candidate {name}");
                votes.Add(declared);
            }
            else
            {
                notes.Add($"{area}: \"{text}\" is not a declared write-in candidate: not counted (44.3.2403(2)(h))");
            }
        }

        var outcome = BoardOutcome.Counted(votes);
        if (outcome.Votes.Count > contest.VoteFor)
        {
            notes.Add($"{outcome.Votes.Count} votes where {contest.VoteFor} allowed: an overvote (44.3.2402(2)(b), (g))");
            return new(BoardOutcome.Overvote, notes);
        }

        if (outcome.Kind == BoardOutcomeKind.Undervote)
        {
            notes.Add("no vote in this contest");
        }

        return new(outcome, notes);
    }
}
