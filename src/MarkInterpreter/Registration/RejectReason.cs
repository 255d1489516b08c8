namespace CentralCount.MarkInterpreter.Registration;

/// <summary>Why a page or sheet cannot be tabulated (ARM 44.3.1703(6)(a)): it is set aside with this reason, never misread.</summary>
public enum RejectReason
{
    /// <summary>The file could not be decoded (corrupt, truncated, not an image).</summary>
    UnreadableImage,

    /// <summary>No timing-mark border: blank paper, an envelope, a letter.</summary>
    NotABallot,

    /// <summary>The page's identity code names another election (another hash).</summary>
    WrongElection,

    /// <summary>The identity names a ballot style or sheet the election does not have, or the layout matches none.</summary>
    UnknownStyle,

    /// <summary>A test ballot in a live count.</summary>
    TestBallotInLiveCount,

    /// <summary>A live ballot in a test count.</summary>
    LiveBallotInTestCount,

    /// <summary>Too many timing marks missing or inconsistent to locate positions with confidence.</summary>
    DamagedGeometry,

    /// <summary>Part of the page is missing (a torn or half-fed sheet).</summary>
    IncompletePage,

    /// <summary>A vertical scanner streak runs through voting positions: marks there cannot be trusted.</summary>
    StreakThroughPositions,

    /// <summary>Front and back do not belong to the same sheet.</summary>
    SheetMismatch,
}

/// <summary>Stable names for reject reasons in JSON and reports.</summary>
public static class RejectReasons
{
    public static string Name(this RejectReason reason) => reason switch
    {
        RejectReason.UnreadableImage => "unreadable-image",
        RejectReason.NotABallot => "not-a-ballot",
        RejectReason.WrongElection => "wrong-election",
        RejectReason.UnknownStyle => "unknown-style",
        RejectReason.TestBallotInLiveCount => "test-ballot-in-live-count",
        RejectReason.LiveBallotInTestCount => "live-ballot-in-test-count",
        RejectReason.DamagedGeometry => "damaged-geometry",
        RejectReason.IncompletePage => "incomplete-page",
        RejectReason.StreakThroughPositions => "streak-through-positions",
        RejectReason.SheetMismatch => "sheet-mismatch",
        _ => reason.ToString(),
    };
}

/// <summary>A reject: the reason and a sentence an operator can act on.</summary>
public sealed record PageReject(RejectReason Reason, string Detail)
{
    public override string ToString() => $"{Reason.Name()}: {Detail}";
}
