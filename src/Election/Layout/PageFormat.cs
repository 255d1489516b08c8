namespace CentralCount.Election.Layout;

/// <summary>How a page says which ballot it is.</summary>
public enum IdentityKind
{
    /// <summary>A QR code on the page carries election hash prefix, style, sheet, side and test/live.</summary>
    QrCode,

    /// <summary>No code: the style comes from the definition and the side from the layout (imported VxSuite grid ballots).</summary>
    FromLayout,
}

/// <summary>
/// The physical format shared by a family of pages: paper size, the timing-mark border that
/// registration finds, the printed oval, and where the identity code sits.
/// </summary>
public sealed record PageFormat(
    string Id,
    double WidthInches,
    double HeightInches,
    TimingMarkGrid Grid,
    double BubbleWidthInches,
    double BubbleHeightInches,
    IdentityKind Identity,
    GridRect? IdentityArea);

/// <summary>
/// The timing-mark border: marks along all four edges at the grid's columns and rows. The
/// centre of column 0 / row 0 is <see cref="FirstCenter"/>, of the last column and row
/// <see cref="LastCenter"/>; grid coordinates in between are linear.
/// </summary>
public sealed record TimingMarkGrid(
    int Columns,
    int Rows,
    double MarkWidthInches,
    double MarkHeightInches,
    InchPoint FirstCenter,
    InchPoint LastCenter)
{
    public double ColumnPitchInches => (LastCenter.X - FirstCenter.X) / (Columns - 1);

    public double RowPitchInches => (LastCenter.Y - FirstCenter.Y) / (Rows - 1);

    public InchPoint ToInches(GridPoint p) =>
        new(FirstCenter.X + (p.Column * ColumnPitchInches), FirstCenter.Y + (p.Row * RowPitchInches));
}
