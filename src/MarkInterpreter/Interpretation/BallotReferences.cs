using System.Collections.Concurrent;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>A blank page of a ballot style as printed, and where each of its positions lies on that image.</summary>
public sealed record BlankPage(PixelImage Image, Func<VotingPosition, PositionFrame> FrameOf);

/// <summary>The evidence zones and blank reference of one ballot page.</summary>
public sealed record PageReference(PageLayout Page, PageFormat Format, IReadOnlyList<EvidenceZone> Zones, BlankReference Blank);

/// <summary>
/// The zones and blank references of every ballot page, built on first use and kept. The blank
/// comes from the caller (our renderer for our own styles, a scanned template for an imported
/// one); without one, evidence is gathered only from the oval and its immediate surround.
/// </summary>
public sealed class BallotReferences(ElectionDefinition election, Func<BallotStyle, int, PageSide, BlankPage?>? blankPages = null)
{
    private readonly ConcurrentDictionary<(string Style, int Sheet, PageSide Side), Lazy<PageReference>> _pages = new();

    public ElectionDefinition Election { get; } = election ?? throw new ArgumentNullException(nameof(election));

    public PageReference For(string styleId, int sheet, PageSide side) =>
        _pages.GetOrAdd((styleId, sheet, side), key => new Lazy<PageReference>(() => Build(key.Style, key.Sheet, key.Side))).Value;

    private PageReference Build(string styleId, int sheet, PageSide side)
    {
        var style = Election.FindStyle(styleId) ?? throw new KeyNotFoundException($"no ballot style '{styleId}'");
        var page = style.Page(sheet, side);
        var format = Election.PageFormat(style.PageFormatId);
        var blank = blankPages?.Invoke(style, sheet, side);
        try
        {
            var zones = EvidenceZone.ForPage(page, format, hasReference: blank is not null);
            var reference = blank is null
                ? BlankReference.OvalOnly(zones)
                : BlankReference.FromImage(blank.Image, zones, [.. page.Positions.Select(blank.FrameOf)], Election.Interpretation.Thresholds.InkDarkness / 2);
            return new PageReference(page, format, zones, reference);
        }
        finally
        {
            blank?.Image.Dispose();
        }
    }
}
