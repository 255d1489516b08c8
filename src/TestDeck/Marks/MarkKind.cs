namespace CentralCount.TestDeck.Marks;

/// <summary>What a voter (or the paper) put at or near one voting position.</summary>
public enum MarkKind
{
    /// <summary>The oval filled completely in pen.</summary>
    FullFill,

    /// <summary>The oval filled completely in pencil: lighter, grainy.</summary>
    PencilFill,

    /// <summary>About half the oval filled.</summary>
    PartialFill,

    /// <summary>A check mark through the oval.</summary>
    Check,

    /// <summary>An X across the oval.</summary>
    Cross,

    /// <summary>A single diagonal stroke through the oval.</summary>
    Slash,

    /// <summary>A ring drawn around the oval, the oval left empty.</summary>
    CircleAroundBubble,

    /// <summary>The option's name circled, the oval left empty.</summary>
    CircleName,

    /// <summary>The option's name underlined, the oval left empty.</summary>
    UnderlineName,

    /// <summary>A line or arrow from the name to the oval, the oval left empty.</summary>
    ConnectiveLine,

    /// <summary>A small dot in the oval: the pen rested there.</summary>
    HesitationDot,

    /// <summary>A filled oval erased: grey smudge left behind.</summary>
    ErasureResidue,

    /// <summary>The option crossed out: a line through oval and name.</summary>
    CrossedOut,

    /// <summary>A fill beside the oval, just outside it, the oval empty.</summary>
    OutsideNear,

    /// <summary>A word written beside the option ("NO", "this one", "YES").</summary>
    Word,

    /// <summary>A name handwritten in a write-in area.</summary>
    Handwriting,
}
