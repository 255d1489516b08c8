namespace CentralCount.Election.Layout;

/// <summary>Which face of a sheet.</summary>
public enum PageSide
{
    Front,
    Back,
}

/// <summary>A point in timing-mark grid units: column 0 is the left timing-mark column, row 0 the top row.</summary>
public readonly record struct GridPoint(double Column, double Row);

/// <summary>A rectangle in timing-mark grid units.</summary>
public readonly record struct GridRect(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public bool Contains(GridPoint p) => p.Column >= Left && p.Column <= Right && p.Row >= Top && p.Row <= Bottom;

    public bool Overlaps(GridRect other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
}

/// <summary>A point on the paper in inches from the top-left corner.</summary>
public readonly record struct InchPoint(double X, double Y);
