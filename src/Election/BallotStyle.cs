using CentralCount.Election.Layout;

namespace CentralCount.Election;

/// <summary>
/// A ballot style: the contests printed for a set of precincts (and a party, in a primary),
/// and the physical sheets that carry them.
/// </summary>
public sealed record BallotStyle(
    string Id,
    IReadOnlyList<string> PrecinctIds,
    string? PartyId,
    IReadOnlyList<string> ContestIds,
    string PageFormatId,
    IReadOnlyList<SheetLayout> Sheets)
{
    public int PageCount => Sheets.Count * 2;

    public PageLayout Page(int sheetNumber, PageSide side)
    {
        if (sheetNumber < 1 || sheetNumber > Sheets.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(sheetNumber), sheetNumber, $"style '{Id}' has {Sheets.Count} sheet(s)");
        }

        var sheet = Sheets[sheetNumber - 1];
        return side == PageSide.Front ? sheet.Front : sheet.Back;
    }

    public IEnumerable<(int Sheet, PageLayout Page)> Pages()
    {
        for (var i = 0; i < Sheets.Count; i++)
        {
            yield return (i + 1, Sheets[i].Front);
            yield return (i + 1, Sheets[i].Back);
        }
    }
}
