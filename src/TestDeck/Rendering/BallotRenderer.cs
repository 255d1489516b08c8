using System.Globalization;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.TestDeck.Design;

namespace CentralCount.TestDeck.Rendering;

/// <summary>
/// Renders ballot pages as a printer would: timing-mark border, identity QR code, heading,
/// instructions, contest boxes with shaded headings, ovals, names and write-in lines.
/// </summary>
public sealed class BallotRenderer(ElectionDefinition election, PixelMemoryPool? pool = null)
{
    private static readonly PixelColor Ink = PixelColor.Black;
    private static readonly PixelColor Shade = PixelColor.Gray(218);

    public ElectionDefinition Election { get; } = election ?? throw new ArgumentNullException(nameof(election));

    public TemplateGeometry Geometry(BallotStyle style, int dpi)
    {
        ArgumentNullException.ThrowIfNull(style);
        return new TemplateGeometry(Election.PageFormat(style.PageFormatId), dpi);
    }

    public PixelImage Render(BallotStyle style, int sheet, PageSide side, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(options);
        var geometry = Geometry(style, options.Dpi);
        var page = PixelImage.Create(geometry.WidthPx, geometry.HeightPx, options.Colour ? PixelLayout.Bgr24 : PixelLayout.Gray8, pool, 255);
        var canvas = new Canvas(page);
        var layout = style.Page(sheet, side);
        DrawTimingMarks(canvas, geometry);
        DrawHeading(canvas, geometry, style, sheet, side, options);
        DrawIdentity(canvas, geometry, new PageIdentity(Election.Hash.Prefix, style.Id, sheet, side, options.TestBallot, PrecinctInCode(style, options)));
        foreach (var box in layout.ContestBoxes)
        {
            DrawContest(canvas, geometry, Election.Contest(box.ContestId), box, layout.Positions.Where(p => p.ContestId == box.ContestId));
        }

        DrawFooter(canvas, geometry, style, sheet, side, options);
        return page;
    }

    // Only a style that serves several precincts needs its precinct in the code: a one-precinct
    // style already says which precinct it is, and its ballots stay as they were.
    private static string? PrecinctInCode(BallotStyle style, RenderOptions options)
    {
        if (options.Precinct is not { } precinct)
        {
            return null;
        }

        if (!style.PrecinctIds.Contains(precinct, StringComparer.Ordinal))
        {
            throw new ArgumentException($"ballot style {style.Id} does not serve precinct {precinct} (it serves {string.Join(", ", style.PrecinctIds)})", nameof(options));
        }

        return style.PrecinctIds.Count > 1 ? precinct : null;
    }

    private static void DrawTimingMarks(Canvas canvas, TemplateGeometry g)
    {
        var grid = g.Format.Grid;
        var w = g.Px(grid.MarkWidthInches);
        var h = g.Px(grid.MarkHeightInches);
        for (var c = 0; c < grid.Columns; c++)
        {
            for (var r = 0; r < grid.Rows; r++)
            {
                if (c != 0 && r != 0 && c != grid.Columns - 1 && r != grid.Rows - 1)
                {
                    continue;
                }

                var center = g.Pixel(new GridPoint(c, r));
                canvas.FillPolygon(
                    [new(center.X - (w / 2), center.Y - (h / 2)), new(center.X + (w / 2), center.Y - (h / 2)), new(center.X + (w / 2), center.Y + (h / 2)), new(center.X - (w / 2), center.Y + (h / 2))],
                    Ink);
            }
        }
    }

    private void DrawHeading(Canvas canvas, TemplateGeometry g, BallotStyle style, int sheet, PageSide side, RenderOptions options)
    {
        var left = g.Pixel(new GridPoint(1.0, 1.0));
        var dpi = options.Dpi;
        var y = left.Y + g.Px(0.22);
        var title = options.TestBallot ? "TEST BALLOT - NOT AN OFFICIAL BALLOT" : "OFFICIAL BALLOT";
        Text(canvas, title, left.X, y, BallotTypography.BallotTitle, dpi);
        y += g.Px(0.2);
        IReadOnlyList<string> printedFor = PrecinctInCode(style, options) is { } one ? [one] : style.PrecinctIds;
        var precincts = string.Join(", ", printedFor.Select(id => Election.Precincts.First(p => p.Id == id).Name));
        var party = style.PartyId is { } pid ? " - " + Election.Parties.First(p => p.Id == pid).Name + " Party" : string.Empty;
        Text(canvas, $"{Election.Title}{party}  -  {Election.Date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}", left.X, y, BallotTypography.HeaderLine, dpi);
        y += g.Px(0.16);
        Text(canvas, $"{Election.Jurisdiction.County}, {Election.Jurisdiction.State}", left.X, y, BallotTypography.HeaderLine, dpi);
        y += g.Px(0.16);
        Text(canvas, printedFor.Count > 2 ? $"Ballot style {style.Id}" : $"{precincts}  (style {style.Id})", left.X, y, BallotTypography.HeaderLine, dpi);
        if (sheet == 1 && side == PageSide.Front)
        {
            y += g.Px(0.1);
            var right = g.Pixel(new GridPoint(27.8, BallotLayoutPlanner.HeadingBottomRow));
            var box = new PixelRect((int)left.X, (int)y, (int)(right.X - left.X), (int)(right.Y - y));
            canvas.Polyline([new(box.X, box.Y), new(box.Right, box.Y), new(box.Right, box.Bottom), new(box.X, box.Bottom)], Ink, BallotTypography.ContestTitle.Thickness(dpi), closed: true);
            var lines = BallotTypography.Instructions.Wrap(
                "INSTRUCTIONS: To vote, completely fill in the oval to the LEFT of your choice with a black or blue pen. " +
                "To vote for a person whose name is not printed, fill in the oval and write the name on the line. " +
                "If you make a mistake, ask for a new ballot. Do not cross out or erase.", (box.Width / (double)dpi) - 0.15);
            var ty = box.Y + g.Px(0.14);
            foreach (var line in lines)
            {
                Text(canvas, line, box.X + g.Px(0.07), ty, BallotTypography.Instructions, dpi);
                ty += g.Px(BallotTypography.Instructions.LineHeightInches);
            }
        }
    }

    private static void DrawIdentity(Canvas canvas, TemplateGeometry g, PageIdentity identity)
    {
        if (g.Format.IdentityArea is not { } area || g.Format.Identity != IdentityKind.QrCode)
        {
            return;
        }

        var modules = QrCodes.Encode(identity.Encode(), QrCorrection.Medium);
        var rect = g.Pixels(area);
        // Leave a quiet zone of two modules inside the area.
        var module = Math.Min(rect.Width, rect.Height) / (double)(modules.Side + 4);
        var x0 = rect.X + ((rect.Width - (module * modules.Side)) / 2);
        var y0 = rect.Y + ((rect.Height - (module * modules.Side)) / 2);
        for (var r = 0; r < modules.Side; r++)
        {
            for (var c = 0; c < modules.Side; c++)
            {
                if (modules.IsDark(c, r))
                {
                    var x = x0 + (c * module);
                    var y = y0 + (r * module);
                    canvas.FillPolygon([new(x, y), new(x + module, y), new(x + module, y + module), new(x, y + module)], Ink, antialias: false);
                }
            }
        }
    }

    private void DrawContest(Canvas canvas, TemplateGeometry g, Contest contest, ContestBox box, IEnumerable<VotingPosition> positions)
    {
        var dpi = g.Dpi;
        var rect = g.Pixels(box.Bounds);
        var widthInches = box.Bounds.Width * g.Format.Grid.ColumnPitchInches;
        var headerRows = BallotLayoutPlanner.HeaderRows(contest, widthInches, g.Format.Grid);
        var headerBottom = g.Pixel(new GridPoint(box.Bounds.Left, box.Bounds.Top + headerRows)).Y;
        canvas.FillRectangle(new PixelRect(rect.X, rect.Y, rect.Width, (int)(headerBottom - rect.Y)), Shade);
        var thickness = BallotTypography.ContestTitle.Thickness(dpi);
        canvas.Polyline([new(rect.X, rect.Y), new(rect.Right, rect.Y), new(rect.Right, rect.Bottom), new(rect.X, rect.Bottom)], Ink, thickness, closed: true);
        canvas.Line(new(rect.X, headerBottom), new(rect.Right, headerBottom), Ink, 1);
        var x = rect.X + g.Px(0.06);
        var y = rect.Y + g.Px(0.05);
        foreach (var line in BallotTypography.ContestTitle.Wrap(contest.Title, widthInches - 0.12))
        {
            y += g.Px(BallotTypography.ContestTitle.LineHeightInches);
            Text(canvas, line, x, y, BallotTypography.ContestTitle, dpi);
        }

        if (contest is MeasureContest measure)
        {
            y += g.Px(0.04);
            foreach (var line in BallotTypography.MeasureText.Wrap(measure.Text, widthInches - 0.12))
            {
                y += g.Px(BallotTypography.MeasureText.LineHeightInches);
                Text(canvas, line, x, y, BallotTypography.MeasureText, dpi);
            }
        }
        else
        {
            y += g.Px(BallotTypography.VoteFor.LineHeightInches);
            Text(canvas, contest.VoteFor == 1 ? "Vote for one" : $"Vote for not more than {VoteForWord(contest.VoteFor)}", x, y, BallotTypography.VoteFor, dpi);
        }

        foreach (var position in positions)
        {
            DrawPosition(canvas, g, contest, position);
        }
    }

    private void DrawPosition(Canvas canvas, TemplateGeometry g, Contest contest, VotingPosition position)
    {
        var dpi = g.Dpi;
        var center = g.Pixel(position.Center);
        canvas.Ellipse(center, g.Px(g.Format.BubbleWidthInches) / 2, g.Px(g.Format.BubbleHeightInches) / 2, Ink, Math.Max(1, (int)Math.Round(dpi / 100.0)));
        var textX = center.X + g.Px(g.Format.BubbleWidthInches / 2) + g.Px(0.08);
        if (position.WriteInArea is { } area)
        {
            var line = g.Pixels(area);
            var baseY = center.Y + g.Px(0.07);
            canvas.Line(new(textX, baseY), new(line.Right, baseY), Ink, 1);
            Text(canvas, "write-in", textX, baseY + g.Px(0.1), BallotTypography.Party, dpi);
            return;
        }

        var (name, party) = Label(contest, position.OptionId!);
        Text(canvas, name, textX, center.Y + g.Px(0.035), BallotTypography.OptionName, dpi);
        if (party.Length > 0)
        {
            Text(canvas, party, textX, center.Y + g.Px(0.16), BallotTypography.Party, dpi);
        }
    }

    private (string Name, string Party) Label(Contest contest, string optionId)
    {
        switch (contest)
        {
            case CandidateContest c:
                var candidate = c.Candidates.First(k => k.Id == optionId);
                var party = string.Join(", ", candidate.PartyIds.Select(id => Election.Parties.First(p => p.Id == id).Name));
                return (candidate.Name, Election.Kind == ElectionKind.Primary ? string.Empty : party);
            case MeasureContest m:
                return (optionId == m.Yes.Id ? m.Yes.Label : m.No.Label, string.Empty);
            default:
                throw new ArgumentOutOfRangeException(nameof(contest), contest.GetType().Name, "unknown contest type");
        }
    }

    private static void DrawFooter(Canvas canvas, TemplateGeometry g, BallotStyle style, int sheet, PageSide side, RenderOptions options)
    {
        var at = g.Pixel(new GridPoint(1.0, g.Format.Grid.Rows - 1.6));
        var lastPage = sheet == style.Sheets.Count && side == PageSide.Back;
        var next = side == PageSide.Front ? "Turn the ballot over and continue voting on the back" :
            lastPage ? "You have finished voting. Place the ballot in the secrecy envelope" : $"Continue voting on sheet {sheet + 1}";
        Text(canvas, $"Sheet {sheet} of {style.Sheets.Count}, {(side == PageSide.Front ? "front" : "back")}.  {next}.{(options.TestBallot ? "  TEST" : string.Empty)}", at.X, at.Y, BallotTypography.Footer, options.Dpi);
    }

    private static void Text(Canvas canvas, string text, double x, double y, TextStyle style, int dpi) =>
        canvas.Text(text, new PointF(x, y), style.Font, style.Scale(dpi), Ink, style.Thickness(dpi));

    private static string VoteForWord(int n) => n switch
    {
        2 => "two",
        3 => "three",
        4 => "four",
        5 => "five",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
