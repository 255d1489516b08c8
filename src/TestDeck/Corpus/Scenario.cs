namespace CentralCount.TestDeck.Corpus;

/// <summary>What the voter did in one contest; each maps to one row of the rule table.</summary>
public enum Scenario
{
    /// <summary>Ovals filled in black or blue pen, no more than allowed.</summary>
    Clean,

    /// <summary>Nothing marked.</summary>
    Blank,

    /// <summary>2402(2)(l): ovals filled with other instruments (red, green, pencil, felt marker).</summary>
    MixedInstruments,

    Erasure,
    HeavyOvervote,
    PartialMark,
    HesitationMark,
    CircledOrChecked,
    ConnectiveLine,
    UnclearOvervote,
    IndicatedAmongSeveral,
    WordInstead,
    AllCrossedOut,
    OutsideNear,

    /// <summary>2403(2): write-in oval filled and a declared candidate's designation written.</summary>
    WriteInDeclared,
    WriteInNameOnly,
    WriteInAreaOnly,
    PrintedAndEmptyWriteIn,
    PrintedAndOtherName,
    PrintedAndSameName,
    PrintedAndSameNameUnmarked,
    CommentOnly,
    PrintedAndComment,
    UndeclaredName,
}

/// <summary>What was written in a write-in area, as the board would read it.</summary>
public enum WrittenKind
{
    None,
    DeclaredDesignation,
    PrintedCandidateName,
    OtherName,
    Comment,
}
