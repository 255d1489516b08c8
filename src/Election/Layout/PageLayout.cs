namespace CentralCount.Election.Layout;

/// <summary>The two faces of one physical sheet.</summary>
public sealed record SheetLayout(PageLayout Front, PageLayout Back);

/// <summary>One face of a sheet: the contests printed on it and every voting position.</summary>
public sealed record PageLayout(PageSide Side, IReadOnlyList<ContestBox> ContestBoxes, IReadOnlyList<VotingPosition> Positions);

/// <summary>The printed box of a contest on a page, in grid units.</summary>
public sealed record ContestBox(string ContestId, GridRect Bounds);

/// <summary>
/// A designated voting area (the oval) for one option or one write-in slot. Exactly one of
/// <see cref="OptionId"/> and <see cref="WriteInIndex"/> is set; a write-in position has the
/// area where the voter writes the name.
/// </summary>
public sealed record VotingPosition
{
    private VotingPosition(string contestId, string? optionId, int? writeInIndex, GridPoint center, GridRect? writeInArea, GridRect? labelArea)
    {
        ContestId = contestId;
        OptionId = optionId;
        WriteInIndex = writeInIndex;
        Center = center;
        WriteInArea = writeInArea;
        LabelArea = labelArea;
    }

    public string ContestId { get; }

    public string? OptionId { get; }

    public int? WriteInIndex { get; }

    /// <summary>The oval's centre in grid units.</summary>
    public GridPoint Center { get; }

    /// <summary>Where the voter writes a name (write-in positions only).</summary>
    public GridRect? WriteInArea { get; }

    /// <summary>Where the option's name is printed, when known (for circled or underlined names).</summary>
    public GridRect? LabelArea { get; }

    public bool IsWriteIn => WriteInIndex is not null;

    public static VotingPosition ForOption(string contestId, string optionId, GridPoint center, GridRect? labelArea = null) =>
        new(contestId, optionId, null, center, null, labelArea);

    public static VotingPosition ForWriteIn(string contestId, int writeInIndex, GridPoint center, GridRect writeInArea, GridRect? labelArea = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(writeInIndex);
        return new(contestId, null, writeInIndex, center, writeInArea, labelArea);
    }

    public override string ToString() => IsWriteIn ? $"{ContestId}/write-in {WriteInIndex}" : $"{ContestId}/{OptionId}";
}
