namespace CentralCount.Adjudication.Decisions;

/// <summary>
/// ARM 44.3.2402(1): a questionable vote is counted as the voter intended only when a majority of
/// the board's members agree the intent is clear and what it is; once no outcome can reach a
/// majority any more, the vote is not valid. Until then the contest waits for more members.
/// </summary>
public static class DecideByMajority
{
    public static int Majority(int boardSize) => (boardSize / 2) + 1;

    /// <summary>The board's outcome from its members' decisions so far, or null while it can still go either way.</summary>
    public static BoardOutcome? Settle(int boardSize, IReadOnlyCollection<BoardOutcome> decisions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(boardSize, 1);
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count > boardSize)
        {
            throw new ArgumentException($"{decisions.Count} decisions for a board of {boardSize}", nameof(decisions));
        }

        var majority = Majority(boardSize);
        var clear = decisions.Where(d => d.Kind != BoardOutcomeKind.NotValid).GroupBy(d => d).Select(g => (Outcome: g.Key, Count: g.Count())).ToList();
        if (clear.FirstOrDefault(g => g.Count >= majority) is { Outcome: { } agreed })
        {
            return agreed;
        }

        var best = clear.Count == 0 ? 0 : clear.Max(g => g.Count);
        var remaining = boardSize - decisions.Count;
        return best + remaining < majority ? BoardOutcome.NotValid : null;
    }
}
