namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>What the voter's ink at one position looks like. Only <see cref="Filled"/> is a mark made as instructed.</summary>
public enum MarkClass
{
    /// <summary>No voter ink at the position.</summary>
    Empty,

    /// <summary>The oval filled: an indication.</summary>
    Filled,

    /// <summary>Part of the oval filled, or scribbled without covering it.</summary>
    Partial,

    /// <summary>A small dot or touch inside the oval: the pen rested there.</summary>
    Hesitation,

    /// <summary>Residue of an erased mark.</summary>
    Erasure,

    /// <summary>A check through the oval: one stroke leaves it.</summary>
    Check,

    /// <summary>A single stroke across the oval.</summary>
    Slash,

    /// <summary>Crossing strokes (an X): three or more stroke ends leave the oval.</summary>
    Cross,

    /// <summary>A ring drawn around the oval, the oval empty.</summary>
    CircledOval,

    /// <summary>A blob of ink beside the oval, the oval empty.</summary>
    OutsideNear,

    /// <summary>The option's name circled or underlined.</summary>
    NameMarked,

    /// <summary>A line or arrow from the name to the oval.</summary>
    ConnectiveLine,

    /// <summary>Words written by the option.</summary>
    Words,

    /// <summary>The option crossed out: a line through the oval and the name.</summary>
    CrossedOut,
}

/// <summary>Kebab-case names for reports and JSON.</summary>
public static class MarkClassNames
{
    public static string Name(this MarkClass markClass) => markClass switch
    {
        MarkClass.Empty => "empty",
        MarkClass.Filled => "filled",
        MarkClass.Partial => "partial",
        MarkClass.Hesitation => "hesitation",
        MarkClass.Erasure => "erasure",
        MarkClass.Check => "check",
        MarkClass.Slash => "slash",
        MarkClass.Cross => "x",
        MarkClass.CircledOval => "circled-oval",
        MarkClass.OutsideNear => "outside-near",
        MarkClass.NameMarked => "name-marked",
        MarkClass.ConnectiveLine => "connective-line",
        MarkClass.Words => "words",
        MarkClass.CrossedOut => "crossed-out",
        _ => throw new ArgumentOutOfRangeException(nameof(markClass), markClass, null),
    };

    /// <summary>Classes drawn in or through the oval itself.</summary>
    public static bool IsInOval(this MarkClass markClass) => markClass is MarkClass.Partial or MarkClass.Hesitation or MarkClass.Check or MarkClass.Slash or MarkClass.Cross;
}
