using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// Registers one decoded page against the election: finds its timing-mark border, builds the
/// geometry from template to pixels, identifies the page and which way up it is, and refuses
/// it with a reason when any of that cannot be done with confidence, or when a scanner streak
/// runs through its voting positions. The image is only read, never resampled.
/// </summary>
public sealed class PageRegistrar(ElectionDefinition election, RegistrationSettings? settings = null)
{
    private readonly RegistrationSettings _settings = settings ?? RegistrationSettings.Default;
    private readonly Lazy<Dictionary<string, IdentityCodebook?>> _codebooks = new(() =>
        election.PageFormats.ToDictionary(f => f.Id, f => IdentityCodebook.For(election, f)));

    public ElectionDefinition Election { get; } = election ?? throw new ArgumentNullException(nameof(election));

    public RegistrationSettings Settings => _settings;

    public PageRegistration Register(PixelImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Layout != PixelLayout.Gray8)
        {
            throw new ArgumentException("registration reads grey images", nameof(image));
        }

        PageReject? firstReject = null;
        foreach (var format in Election.PageFormats)
        {
            var search = TimingMarkFinder.Find(image, format, _settings);
            if (search.Border is null || search.Reject is not null)
            {
                firstReject ??= search.Reject;
                if (search.Reject?.Reason != RejectReason.NotABallot)
                {
                    firstReject = search.Reject;
                }

                continue;
            }

            return Identify(image, format, search.Border, search.PixelsPerInch);
        }

        return PageRegistration.Rejected(firstReject ?? new PageReject(RejectReason.NotABallot, "no page format of the election fits this image"));
    }

    private PageRegistration Identify(PixelImage image, PageFormat format, TimingMarkBorder border, double pixelsPerInch)
    {
        var streaks = StreaksInsidePaper(image, border, pixelsPerInch);
        var (identity, upsideDown, reject) = PageIdentifier.Identify(image, Election, format, border, pixelsPerInch, _settings, _codebooks.Value[format.Id]);
        if (reject is not null || identity is null)
        {
            return PageRegistration.Rejected(reject ?? new PageReject(RejectReason.UnknownStyle, "the page could not be identified"), streaks);
        }

        var geometry = new PageGeometry(border, format.Grid, upsideDown, pixelsPerInch);
        var skew = Math.Atan2(border.TopRight.Y - border.TopLeft.Y, border.TopRight.X - border.TopLeft.X) * 180 / Math.PI;
        var quality = new GeometryQuality(border.Found, border.Expected,
            Math.Max(TimingMarkBorder.LongestGap(border.Left), TimingMarkBorder.LongestGap(border.Right)), Math.Round(pixelsPerInch, 2), Math.Round(skew, 3));
        var page = Election.FindStyle(identity.StyleId)!.Page(identity.Sheet, identity.Side);
        var halfWidth = (format.BubbleWidthInches * pixelsPerInch / 2) + 2;
        foreach (var streak in streaks)
        {
            var hit = page.Positions.FirstOrDefault(p => Math.Abs(geometry.ToPixel(p.Center).X - streak) <= halfWidth);
            if (hit is not null)
            {
                return new PageRegistration(geometry, identity, quality, streaks,
                    new PageReject(RejectReason.StreakThroughPositions, $"a vertical scanner streak at x={streak} runs through voting positions ({hit}); clean the scanner glass and rescan"));
            }
        }

        return new PageRegistration(geometry, identity, quality, streaks, null, OvalLocator.Locate(image, geometry, format, page));
    }

    private static List<int> StreaksInsidePaper(PixelImage image, TimingMarkBorder border, double pixelsPerInch)
    {
        var inset = 0.15 * pixelsPerInch;
        var left = Math.Max(border.TopLeft.X, border.BottomLeft.X) + inset;
        var right = Math.Min(border.TopRight.X, border.BottomRight.X) - inset;
        var columns = StreakDetector.Find(image);
        // A streak a few pixels wide is one streak: report its first column.
        var result = new List<int>();
        foreach (var x in columns.Where(x => x > left && x < right))
        {
            if (result.Count == 0 || x - result[^1] > 4)
            {
                result.Add(x);
            }
        }

        return result;
    }
}
