namespace CentralCount.Election.Rules;

/// <summary>A clause of Montana's valid-vote rules, cited by every board item it governs.</summary>
/// <param name="Id">The citation, e.g. <c>2402(2)(a)</c> for ARM 44.3.2402(2)(a).</param>
/// <param name="Situation">What is on the page when the clause applies.</param>
/// <param name="Direction">What the rule directs the election officials to do.</param>
public sealed record RuleClause(string Id, string Situation, string Direction)
{
    public string Citation => $"ARM 44.3.{Id}";

    public override string ToString() => Citation;
}
