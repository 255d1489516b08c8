using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// Establishes which page a registered image is, and which way up. Our ballots say so in their
/// QR code (tried where the code must be for each orientation); VxSuite grid ballots carry no
/// code, so every style, side and orientation is tried against the printed ovals and the one
/// whose ovals are found where the layout puts them wins.
/// </summary>
public static class PageIdentifier
{
    private const double MinimumOvalScore = 0.7;
    private const double MinimumMargin = 0.15;

    /// <param name="codebook">The codes the election's ballots carry on this format, read first (null: search the identity area for any code).</param>
    public static (PageIdentification? Identity, bool UpsideDown, PageReject? Reject) Identify(
        PixelImage image, ElectionDefinition election, PageFormat format, TimingMarkBorder border, double pixelsPerInch, RegistrationSettings settings, IdentityCodebook? codebook)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(settings);
        return format.Identity == IdentityKind.QrCode
            ? FromCode(image, election, format, border, pixelsPerInch, settings, codebook)
            : FromLayout(image, election, format, border, pixelsPerInch, settings);
    }

    private static (PageIdentification?, bool, PageReject?) FromCode(
        PixelImage image, ElectionDefinition election, PageFormat format, TimingMarkBorder border, double pixelsPerInch, RegistrationSettings settings, IdentityCodebook? codebook)
    {
        if (ReadCode(image, format, border, pixelsPerInch, settings.DarkThreshold, codebook) is not var (text, upsideDown))
        {
            return (null, false, new PageReject(RejectReason.UnknownStyle, "the page has a timing-mark border but no readable identity code (damaged, or a ballot of another system)"));
        }

        {
            if (PageIdentity.TryParse(text) is not { } identity)
            {
                return (null, upsideDown, new PageReject(RejectReason.UnknownStyle, $"the page's code is not a CentralCount ballot identity (\"{Shorten(text)}\")"));
            }

            if (!election.Hash.Hex.StartsWith(identity.ElectionHashPrefix, StringComparison.Ordinal))
            {
                return (null, upsideDown, new PageReject(RejectReason.WrongElection,
                    $"this ballot was printed for election {identity.ElectionHashPrefix}…, not the loaded election {election.Hash.Prefix}… ({election.Title}, {election.Jurisdiction.County})"));
            }

            var style = election.FindStyle(identity.StyleId);
            if (style is null || identity.Sheet > style.Sheets.Count)
            {
                return (null, upsideDown, new PageReject(RejectReason.UnknownStyle, $"ballot style {identity.StyleId} sheet {identity.Sheet} is not in the loaded election"));
            }

            if (identity.PrecinctId is { } precinct && !style.PrecinctIds.Contains(precinct, StringComparer.Ordinal))
            {
                return (null, upsideDown, new PageReject(RejectReason.UnknownStyle,
                    $"ballot style {identity.StyleId} is printed for precinct {precinct}, which is not one of the precincts that style serves in the loaded election ({string.Join(", ", style.PrecinctIds)})"));
            }

            if (identity.IsTest != settings.TestCount)
            {
                return (null, upsideDown, identity.IsTest
                    ? new PageReject(RejectReason.TestBallotInLiveCount, "a TEST ballot in a live count: set it aside with the test deck")
                    : new PageReject(RejectReason.LiveBallotInTestCount, "a live ballot in a test count: it must not be counted with the test deck"));
            }

            return (new PageIdentification(identity.StyleId, identity.Sheet, identity.Side, identity.IsTest, "qr-code", identity.PrecinctId), upsideDown, null);
        }
    }

    /// <summary>
    /// The code, looked for where it must be when the page is upright and where it must be when
    /// the page was fed upside down (the darker of the two places first: a code is half ink,
    /// the other place mostly paper): first matched against the election's own codes, then
    /// searched for and decoded, at half size, which is cheap while a module keeps three
    /// pixels, then at full size.
    /// </summary>
    private static (string Text, bool UpsideDown)? ReadCode(PixelImage image, PageFormat format, TimingMarkBorder border, double pixelsPerInch, byte darkThreshold, IdentityCodebook? codebook)
    {
        var area = format.IdentityArea!.Value;
        // The area holds the code's quiet zone, and the timing marks put it within a pixel or two:
        // a fifth of a grid step around it is room enough. zbar's cost grows with the pixels it is
        // given, so every step of margin costs each page.
        const double Margin = 0.2;
        var grown = new GridRect(area.Left - Margin, area.Top - Margin, area.Right + Margin, area.Bottom + Margin);
        // A code fills its area with at most 41 modules' width (version 5 and a quiet zone). Half
        // size is tried first while such a module would keep 2¼ pixels at it: a shorter code's
        // modules are larger, so pages scanned a little small still read at half size, and a code
        // that does not is read at full size after one cheap try.
        var side = Math.Min(area.Width * format.Grid.ColumnPitchInches, area.Height * format.Grid.RowPitchInches) * pixelsPerInch;
        var shrinks = side / 41 >= 4.5 ? new[] { 2, 1 } : [1];
        (bool UpsideDown, PageGeometry Geometry, PixelRect Region) Place(bool upsideDown)
        {
            var geometry = new PageGeometry(border, format.Grid, upsideDown, pixelsPerInch);
            return (upsideDown, geometry, geometry.Bounds(grown, image.Width, image.Height));
        }

        var places = new List<(bool UpsideDown, PageGeometry Geometry, PixelRect Region)> { Place(false), Place(true) }
            .Where(p => p.Region.Width > 0 && p.Region.Height > 0)
            .OrderByDescending(p => DarkShare(image, p.Region, darkThreshold))
            .ToList();
        foreach (var (upsideDown, geometry, _) in places)
        {
            if (codebook?.Read(image, geometry) is { } text)
            {
                return (text, upsideDown);
            }
        }

        foreach (var shrink in shrinks)
        {
            foreach (var (upsideDown, _, region) in places)
            {
                if (QrCodes.Decode(image, region, shrink) is { } reading)
                {
                    return (reading.Text, upsideDown);
                }
            }
        }

        return null;
    }

    private static double DarkShare(PixelImage image, PixelRect region, byte threshold)
    {
        long dark = 0;
        for (var y = region.Y; y < region.Y + region.Height; y += 2)
        {
            dark += RowSums.CountBelow(image.Row(y).Slice(region.X, region.Width), threshold);
        }

        return dark / (double)region.Width / ((region.Height + 1) / 2);
    }

    private static (PageIdentification?, bool, PageReject?) FromLayout(
        PixelImage image, ElectionDefinition election, PageFormat format, TimingMarkBorder border, double pixelsPerInch, RegistrationSettings settings)
    {
        var scored = new List<(double Score, PageIdentification Identity, bool UpsideDown)>();
        foreach (var upsideDown in new[] { false, true })
        {
            var geometry = new PageGeometry(border, format.Grid, upsideDown, pixelsPerInch);
            foreach (var style in election.BallotStyles.Where(s => s.PageFormatId == format.Id))
            {
                foreach (var (sheet, page) in style.Pages())
                {
                    if (page.Positions.Count > 0)
                    {
                        var score = OvalScore(image, geometry, format, page, pixelsPerInch, settings.DarkThreshold);
                        scored.Add((score, new PageIdentification(style.Id, sheet, page.Side, settings.TestCount, "layout"), upsideDown));
                    }
                }
            }
        }

        var ranked = scored.OrderByDescending(s => s.Score).ToList();
        if (ranked.Count == 0 || ranked[0].Score < MinimumOvalScore)
        {
            return (null, false, new PageReject(RejectReason.UnknownStyle, $"no ballot style's ovals are where this page prints them (best match {(ranked.Count == 0 ? 0 : ranked[0].Score):P0})"));
        }

        var best = ranked[0];
        var rival = ranked.Skip(1).FirstOrDefault(s => s.Identity != best.Identity || s.UpsideDown != best.UpsideDown);
        if (rival.Identity is not null && best.Score - rival.Score < MinimumMargin)
        {
            return (null, best.UpsideDown, new PageReject(RejectReason.UnknownStyle,
                $"the page matches {best.Identity.StyleId} {best.Identity.Side} ({best.Score:P0}) and {rival.Identity.StyleId} {rival.Identity.Side} ({rival.Score:P0}) almost equally"));
        }

        return (best.Identity, best.UpsideDown, null);
    }

    /// <summary>Fraction of the page's ovals whose printed outline is found where the layout puts it.</summary>
    private static double OvalScore(PixelImage image, PageGeometry geometry, PageFormat format, PageLayout page, double pixelsPerInch, byte threshold)
    {
        var rx = format.BubbleWidthInches * pixelsPerInch / 2;
        var ry = format.BubbleHeightInches * pixelsPerInch / 2;
        var found = 0;
        foreach (var position in page.Positions)
        {
            var c = geometry.ToPixel(position.Center);
            var dark = 0;
            const int Samples = 12;
            for (var k = 0; k < Samples; k++)
            {
                var a = 2 * Math.PI * k / Samples;
                var darkest = 255;
                for (var d = -2; d <= 2; d++)
                {
                    var x = (int)Math.Round(c.X + ((rx + d) * Math.Cos(a)));
                    var y = (int)Math.Round(c.Y + ((ry + d) * Math.Sin(a)));
                    if ((uint)x < (uint)image.Width && (uint)y < (uint)image.Height)
                    {
                        darkest = Math.Min(darkest, image.GrayAt(x, y));
                    }
                }

                dark += darkest < threshold ? 1 : 0;
            }

            found += dark >= Samples * 3 / 4 ? 1 : 0;
        }

        return found / (double)page.Positions.Count;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
