using System.Globalization;
using System.Text;
using CentralCount.Election;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>
/// Matches a written name to candidates. Declared write-ins count under the name or a designation
/// they filed, compared without regard to case, accents, punctuation or spacing. On a federal
/// write-in absentee ballot (ARM 44.3.2405) a party's name counts for that party's candidate and
/// misspellings are tolerated when the voter's intent is clear (one slip per six letters, and only
/// one candidate that close).
/// </summary>
public static class NameMatch
{
    public static bool Same(string written, string name) => Normalize(written) == Normalize(name);

    /// <summary>The id of the declared write-in (or, on a federal write-in absentee ballot, the printed candidate) the text names; null when none.</summary>
    public static string? Declared(Contest contest, string written, bool federalWriteInAbsentee = false, IReadOnlyList<Party>? parties = null)
    {
        ArgumentNullException.ThrowIfNull(contest);
        if (contest is not CandidateContest c)
        {
            return null;
        }

        var text = Normalize(written);
        var exact = c.DeclaredWriteIns.Where(d => d.Designations.Append(d.Name).Any(n => Normalize(n) == text)).Select(d => d.Id).ToList();
        if (exact.Count == 1 || !federalWriteInAbsentee)
        {
            return exact.Count == 1 ? exact[0] : null;
        }

        var names = c.Candidates.Select(k => (k.Id, Names: (IEnumerable<string>)[k.Name]))
            .Concat(c.DeclaredWriteIns.Select(d => (d.Id, Names: d.Designations.Append(d.Name))))
            .ToList();
        if (parties is not null)
        {
            var byParty = c.Candidates.Where(k => k.PartyIds.Any(p => parties.Any(q => q.Id == p && (Normalize(q.Name) == text || Normalize(q.Abbreviation) == text)))).ToList();
            if (byParty.Count == 1)
            {
                return byParty[0].Id;
            }
        }

        var close = names.Where(n => n.Names.Any(x => Distance(Normalize(x), text) <= Math.Max(1, Normalize(x).Length / 6))).Select(n => n.Id).Distinct().ToList();
        return close.Count == 1 ? close[0] : null;
    }

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
        }

        return builder.ToString();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
