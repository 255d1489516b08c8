namespace CentralCount.Election.Rules;

/// <summary>
/// How a jurisdiction wants ballots read: the mark thresholds, and the clauses its officials
/// have chosen to let the machine apply without the board. By default no clause is automatic:
/// every questionable vote goes to the board (ARM 44.3.2402(1)).
/// </summary>
public sealed record InterpretationSettings(MarkThresholds Thresholds, IReadOnlySet<string> AutomaticClauses)
{
    public static InterpretationSettings Default { get; } = new(MarkThresholds.Default, new HashSet<string>());

    /// <summary>Clauses a county may make automatic: the ones whose direction needs no reading of intent.</summary>
    public static IReadOnlySet<string> AutomatableClauses { get; } = new HashSet<string>
    {
        MontanaRules.HeavyMarks.Id, MontanaRules.UnclearOvervote.Id, MontanaRules.PartialMark.Id, MontanaRules.HesitationMark.Id,
        MontanaRules.WriteInAreaOnly.Id, MontanaRules.PrintedAndEmptyWriteIn.Id,
    };

    public bool IsAutomatic(RuleClause clause) => clause is not null && AutomaticClauses.Contains(clause.Id);
}
