namespace CentralCount.Cli.Commands;

/// <summary>
/// Checks the precincts, styles and batches a command is limited to against those the count has:
/// a mistyped name would otherwise give a tally, or a recount, of nothing that looks like a real one.
/// </summary>
internal static class ScopeNames
{
    /// <summary>One line for each given name the count does not have, listing those it has; empty when all are known.</summary>
    public static IReadOnlyList<string> Unknown(string what, string plural, IEnumerable<string>? given, IEnumerable<string> known)
    {
        var names = known.Order(StringComparer.Ordinal).ToList();
        return [.. (given ?? []).Where(g => !names.Contains(g, StringComparer.Ordinal)).Select(g =>
            $"no {what} '{g}' in this count; {(names.Count == 0 ? $"there is no {what} yet" : $"the {plural} are: {string.Join(", ", names)}")}")];
    }
}
