namespace CentralCount.Tabulation;

/// <summary>One contest of one counted sheet as the store holds it: where the sheet came from and how the contest came out.</summary>
public sealed record RecordedContest(string BatchId, string? StyleId, string? PrecinctId, string ContestId, string Outcome, IReadOnlyList<string> Votes);
