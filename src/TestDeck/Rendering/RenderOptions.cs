namespace CentralCount.TestDeck.Rendering;

/// <summary>How to render a page: resolution, test or live, whether to keep colour for coloured inks, and for which precinct.</summary>
/// <param name="Precinct">The precinct the ballot is printed for. A style serving several precincts names it in the page's code and heading, so its sheets are tallied by precinct; null prints the style alone.</param>
public sealed record RenderOptions(int Dpi = 200, bool TestBallot = false, bool Colour = false, string? Precinct = null)
{
    public double PixelsPerInch => Dpi;
}
