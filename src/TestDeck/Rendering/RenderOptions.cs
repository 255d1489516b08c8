namespace CentralCount.TestDeck.Rendering;

/// <summary>How to render a page: resolution, test or live, and whether to keep colour for coloured inks.</summary>
public sealed record RenderOptions(int Dpi = 200, bool TestBallot = false, bool Colour = false)
{
    public double PixelsPerInch => Dpi;
}
