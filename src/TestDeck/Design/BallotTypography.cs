using CentralCount.Imaging;

namespace CentralCount.TestDeck.Design;

/// <summary>One text style on the ballot: a Hershey font at a size given for 200 DPI.</summary>
public sealed record TextStyle(HersheyFont Font, double ScaleAt200Dpi, int ThicknessAt200Dpi, double LineHeightInches)
{
    public double Scale(int dpi) => ScaleAt200Dpi * dpi / 200.0;

    public int Thickness(int dpi) => Math.Max(1, (int)Math.Round(ThicknessAt200Dpi * dpi / 200.0));

    /// <summary>Width of the text in inches.</summary>
    public double WidthInches(string text) => Canvas.MeasureText(text, Font, ScaleAt200Dpi, ThicknessAt200Dpi).Width / 200.0;

    /// <summary>Splits text into lines no wider than <paramref name="widthInches"/>.</summary>
    public IReadOnlyList<string> Wrap(string text, double widthInches)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && WidthInches(candidate) > widthInches)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }
}

/// <summary>The ballot's type styles, shared by the layout planner and the renderer so both agree on sizes.</summary>
public static class BallotTypography
{
    public static TextStyle BallotTitle { get; } = new(HersheyFont.Triplex, 0.95, 2, 0.24);

    public static TextStyle HeaderLine { get; } = new(HersheyFont.Duplex, 0.55, 1, 0.15);

    public static TextStyle Instructions { get; } = new(HersheyFont.Simplex, 0.42, 1, 0.12);

    public static TextStyle ContestTitle { get; } = new(HersheyFont.Duplex, 0.56, 2, 0.16);

    public static TextStyle VoteFor { get; } = new(HersheyFont.Simplex, 0.44, 1, 0.14);

    public static TextStyle OptionName { get; } = new(HersheyFont.Duplex, 0.52, 1, 0.15);

    public static TextStyle Party { get; } = new(HersheyFont.Simplex, 0.40, 1, 0.12);

    public static TextStyle MeasureText { get; } = new(HersheyFont.Simplex, 0.42, 1, 0.13);

    public static TextStyle Footer { get; } = new(HersheyFont.Simplex, 0.40, 1, 0.12);
}
