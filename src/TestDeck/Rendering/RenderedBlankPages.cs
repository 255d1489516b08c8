using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.MarkInterpreter.Interpretation;

namespace CentralCount.TestDeck.Rendering;

/// <summary>
/// Blank pages for the interpreter's reference: our own styles rendered exactly as printed, so voter
/// ink can be told from print anywhere near a position. Imported layouts have no rendering.
/// </summary>
public static class RenderedBlankPages
{
    private const int Dpi = 200;

    public static Func<BallotStyle, int, PageSide, BlankPage?> For(ElectionDefinition election)
    {
        var renderer = new BallotRenderer(election);
        return (style, sheet, side) =>
        {
            var format = election.PageFormat(style.PageFormatId);
            if (format.Identity != IdentityKind.QrCode)
            {
                return null;
            }

            var image = renderer.Render(style, sheet, side, new RenderOptions(Dpi));
            return new BlankPage(image, p => PositionFrame.Rendered(format.Grid.ToInches(p.Center), Dpi));
        };
    }

    public static BallotReferences References(ElectionDefinition election) => new(election, For(election));
}
