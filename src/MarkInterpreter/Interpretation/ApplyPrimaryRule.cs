using CentralCount.Election.Rules;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>
/// ARM 44.3.1703(1)(c): in a primary only the votes of the party the voter chose count. On a
/// card that carries several parties' contests, votes in more than one party's contests send
/// every partisan contest with votes to the board, suggesting they count for none.
/// </summary>
public static class ApplyPrimaryRule
{
    public static IReadOnlyList<ContestReading> OnePartyOnly(IReadOnlyList<ContestReading> contests)
    {
        ArgumentNullException.ThrowIfNull(contests);
        var voted = contests.Where(c => c.Contest.PartyId is not null && c.Outcome.Kind != OutcomeKind.Undervote)
            .Select(c => c.Contest.PartyId!).Distinct(StringComparer.Ordinal).Count();
        if (voted < 2)
        {
            return contests;
        }

        return [.. contests.Select(c => c.Contest.PartyId is null || c.Outcome.Kind == OutcomeKind.Undervote ? c
            : c with { Outcome = ContestOutcome.ToBoard(MontanaRules.PrimaryCrossover, ContestOutcome.Undervote) })];
    }
}
