using CentralCount.Election;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>One position as read: where it was found, what was measured there, and how it classifies.</summary>
public sealed record PositionReading(LocatedPosition Located, BubbleEvidence Evidence, MarkReading Mark);

/// <summary>The reading of one registered page.</summary>
public sealed record PageInterpretation(PageIdentification Identity, IReadOnlyList<PositionReading> Positions);

/// <summary>The reading of a sheet: every position of both pages and every contest's outcome.</summary>
public sealed record SheetInterpretation(IReadOnlyList<PageInterpretation> Pages, IReadOnlyList<ContestReading> Contests);

/// <summary>
/// Reads registered pages: measures the evidence at every position through the page geometry,
/// classifies each mark, and applies the contest rules over the whole sheet (with the primary's
/// one-party rule, ARM 44.3.1703(1)(c), when one card carries several parties' contests).
/// </summary>
public sealed class InterpretSheet(BallotReferences references)
{
    public BallotReferences References { get; } = references ?? throw new ArgumentNullException(nameof(references));

    private ElectionDefinition Election => References.Election;

    public PageInterpretation Page(PixelImage image, PageRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(registration);
        if (!registration.IsRead || registration.Positions is not { } located)
        {
            throw new ArgumentException("only a registered page can be interpreted", nameof(registration));
        }

        var id = registration.Identity!;
        var reference = References.For(id.StyleId, id.Sheet, id.Side);
        var thresholds = Election.Interpretation.Thresholds;
        var readings = new PositionReading[located.Count];
        for (var i = 0; i < located.Count; i++)
        {
            var frame = PositionFrame.At(registration.Geometry!, reference.Format.Grid, located[i]);
            var zone = reference.Zones[i];
            var evidence = MeasureBubbleEvidence.Measure(image, frame, zone, reference.Blank, i, thresholds);
            readings[i] = new PositionReading(located[i], evidence, ClassifyMark.Classify(evidence, zone, thresholds));
        }

        return new PageInterpretation(id, readings);
    }

    public SheetInterpretation Sheet(IReadOnlyList<PageInterpretation> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var settings = Election.Interpretation;
        var byContest = pages.SelectMany(p => p.Positions)
            .GroupBy(p => p.Located.Position.ContestId, StringComparer.Ordinal)
            .Select(g => ApplyContestRules.Apply(Election.Contest(g.Key), [.. g.Select(p => new PositionMark(p.Located.Position, p.Mark))], settings))
            .ToList();
        return new SheetInterpretation(pages, ApplyPrimaryRule.OnePartyOnly(byContest));
    }
}
