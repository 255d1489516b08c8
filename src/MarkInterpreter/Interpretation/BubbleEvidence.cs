namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>A connected patch of voter ink outside the oval, in inches from the oval's centre.</summary>
/// <param name="Bounds">Its extent.</param>
/// <param name="Area">Its area in square inches.</param>
/// <param name="TouchesOval">True when it reaches the oval's immediate surround (an arrow tip, a stroke leaving the oval).</param>
/// <param name="InLabel">Fraction of it over the printed name.</param>
/// <param name="InWriteIn">Fraction of it inside the write-in area.</param>
public sealed record InkShape(InchRect Bounds, double Area, bool TouchesOval, double InLabel, double InWriteIn);

/// <summary>
/// What the image shows at one voting position, measured through the page geometry against the
/// style's blank rendering: ink and residue inside the oval, strokes crossing its outline, and
/// every patch of voter ink around it, over the name and in the write-in area.
/// </summary>
/// <param name="Fill">Fraction of the oval's inside covered by ink.</param>
/// <param name="WeakestHalf">Coverage by ink or grain (residue level or darker) of the least covered half of the oval (left, right, top or bottom): a fill covers every half, a partial mark leaves one bare.</param>
/// <param name="Residue">Fraction covered by mid-grey lighter than ink: an erased mark's smudge, or a light pencil.</param>
/// <param name="Darkness">Mean darkness inside the oval, 0 (paper) to 1 (black).</param>
/// <param name="Lobes">How many separate strokes leave the oval through its outline.</param>
/// <param name="PaperLevel">The paper's grey level around the position (ink is measured from it: colour- and scanner-robust).</param>
/// <param name="Beside">How much darker than the blank the area just left or right of the oval is (the darker side), as a fraction of that area: a blob beside the oval, even over print.</param>
/// <param name="Shapes">Patches of voter ink outside the oval, largest first.</param>
public sealed record BubbleEvidence(double Fill, double WeakestHalf, double Residue, double Darkness, int Lobes, int PaperLevel, double Beside, IReadOnlyList<InkShape> Shapes)
{
    /// <summary>Voter ink in the write-in area, in square inches.</summary>
    public double WriteInInk => Shapes.Sum(s => s.Area * s.InWriteIn);

    /// <summary>Voter ink over the printed name, in square inches.</summary>
    public double NameInk => Shapes.Sum(s => s.Area * s.InLabel);

    /// <summary>Voter ink anywhere around the oval, in square inches.</summary>
    public double OutsideInk => Shapes.Sum(s => s.Area);
}
