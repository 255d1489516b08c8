namespace CentralCount.Tabulation;

/// <summary>
/// One contest's totals over a set of sheets: votes per option (write-ins by slot or by the
/// declared candidate the board matched), ballots that undervoted or overvoted it, ballots whose
/// questionable vote the board found not valid (ARM 44.3.2402(1)(b)), and ballots whose contest
/// still waits on the board.
/// </summary>
public sealed record ContestTally(
    string ContestId,
    string Title,
    int VoteFor,
    int Ballots,
    IReadOnlyList<(string OptionId, string Label, int Votes)> Options,
    int WriteIns,
    int Undervotes,
    int Overvotes,
    int NotValid,
    int PendingBoard)
{
    /// <summary>Unofficial while any ballot of the contest waits on the board.</summary>
    public bool Unofficial => PendingBoard > 0;
}
