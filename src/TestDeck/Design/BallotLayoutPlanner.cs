using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Election.Loading;

namespace CentralCount.TestDeck.Design;

/// <summary>
/// Lays out ballot styles on legal paper with a timing-mark border: contests flow down three
/// columns per page, front then back, adding sheets as needed; ovals sit left of the names.
/// The result is written and loaded back, so it passes every check a county file passes.
/// </summary>
public static class BallotLayoutPlanner
{
    public const string FormatId = "legal-34x55";

    /// <summary>Legal paper, 34 × 55 timing marks, 0.242 inch column pitch, 0.25 inch row pitch.</summary>
    public static PageFormat LegalFormat { get; } = new(
        FormatId,
        8.5,
        14,
        new TimingMarkGrid(34, 55, 0.1875, 0.0625, new InchPoint(0.25, 0.25), new InchPoint(8.25, 13.75)),
        0.19,
        0.12,
        IdentityKind.QrCode,
        new GridRect(28.3, 1.0, 32.6, 5.3));

    // Content columns (grid units) and the band of rows below the page header.
    private static readonly (double Left, double Right)[] Columns = [(1.0, 11.0), (11.5, 21.5), (22.0, 32.0)];
    private const double FirstRow = 6.7;

    /// <summary>The last row of the page heading (title, jurisdiction, instructions).</summary>
    public const double HeadingBottomRow = 6.25;
    private const double LastRow = 53.2;
    private const double ContestGap = 0.45;
    private const double OptionPitch = 1.4;
    private const double WriteInPitch = 1.7;
    private const double BubbleOffset = 0.85;

    public static ElectionDefinition Plan(BallotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var grid = LegalFormat.Grid;
        var styles = content.Styles.Select(spec => PlanStyle(content, spec, grid)).ToList();
        var draft = new ElectionDefinition(content.Id, content.Title, content.Jurisdiction, content.Date, content.Kind,
            content.Parties, content.Districts, content.Precincts, content.Contests, [LegalFormat], styles, ElectionHash.Of([]));
        var bytes = ElectionWriter.Write(draft);
        return ElectionLoader.Load(bytes, content.Id + " (planned)");
    }

    private static BallotStyle PlanStyle(BallotContent content, StyleSpec spec, TimingMarkGrid grid)
    {
        var pages = new List<(List<ContestBox> Boxes, List<VotingPosition> Positions)> { ([], []) };
        var column = 0;
        var row = FirstRow;
        foreach (var contestId in spec.ContestIds)
        {
            var contest = content.Contests.First(c => c.Id == contestId);
            if (spec.NewSheetBefore?.Contains(contestId) == true && (pages[^1].Boxes.Count > 0 || pages.Count > 1))
            {
                if (pages.Count % 2 == 1)
                {
                    pages.Add(([], []));
                }

                pages.Add(([], []));
                column = 0;
                row = FirstRow;
            }

            var (left, right) = Columns[column];
            var height = Height(contest, (right - left) * grid.ColumnPitchInches, grid);
            if (row + height > LastRow && row > FirstRow)
            {
                column++;
                row = FirstRow;
                if (column == Columns.Length)
                {
                    column = 0;
                    pages.Add(([], []));
                }

                (left, right) = Columns[column];
            }

            var page = pages[^1];
            page.Boxes.Add(new ContestBox(contest.Id, new GridRect(left, row, right, row + height)));
            page.Positions.AddRange(Positions(contest, spec.Rotation, left, right, row, grid));
            row += height + ContestGap;
        }

        if (pages.Count % 2 == 1)
        {
            pages.Add(([], []));
        }

        var sheets = new List<SheetLayout>();
        for (var i = 0; i < pages.Count; i += 2)
        {
            sheets.Add(new SheetLayout(
                new PageLayout(PageSide.Front, pages[i].Boxes, pages[i].Positions),
                new PageLayout(PageSide.Back, pages[i + 1].Boxes, pages[i + 1].Positions)));
        }

        return new BallotStyle(spec.Id, spec.PrecinctIds, spec.PartyId, spec.ContestIds, FormatId, sheets);
    }

    /// <summary>Rows taken by the contest's heading (title lines, then "vote for" or the question).</summary>
    public static double HeaderRows(Contest contest, double widthInches, TimingMarkGrid grid)
    {
        var inches = 0.08 + (BallotTypography.ContestTitle.Wrap(contest.Title, widthInches - 0.12).Count * BallotTypography.ContestTitle.LineHeightInches);
        inches += contest is MeasureContest m
            ? 0.06 + (BallotTypography.MeasureText.Wrap(m.Text, widthInches - 0.12).Count * BallotTypography.MeasureText.LineHeightInches)
            : BallotTypography.VoteFor.LineHeightInches + 0.02;
        return Math.Ceiling(inches / grid.RowPitchInches * 4) / 4;
    }

    /// <summary>The candidate order on a style: the definition's order rotated by the style's offset.</summary>
    public static IReadOnlyList<Candidate> Rotated(CandidateContest contest, int rotation)
    {
        var n = contest.Candidates.Count;
        return n == 0 ? [] : [.. Enumerable.Range(0, n).Select(i => contest.Candidates[(i + rotation) % n])];
    }

    private static double Height(Contest contest, double widthInches, TimingMarkGrid grid)
    {
        var options = contest switch
        {
            CandidateContest c => (c.Candidates.Count * OptionPitch) + (c.WriteInSlots * WriteInPitch),
            _ => 2 * OptionPitch,
        };
        return HeaderRows(contest, widthInches, grid) + options + 0.2;
    }

    private static IEnumerable<VotingPosition> Positions(Contest contest, int rotation, double left, double right, double top, TimingMarkGrid grid)
    {
        var row = top + HeaderRows(contest, (right - left) * grid.ColumnPitchInches, grid) + (OptionPitch / 2);
        var bubble = left + BubbleOffset;
        var label = (double r) => new GridRect(bubble + 0.55, r - 0.6, right - 0.1, r + 0.6);
        switch (contest)
        {
            case CandidateContest c:
                foreach (var candidate in Rotated(c, rotation))
                {
                    yield return VotingPosition.ForOption(c.Id, candidate.Id, new GridPoint(bubble, row), label(row));
                    row += OptionPitch;
                }

                row += (WriteInPitch - OptionPitch) / 2;
                for (var i = 0; i < c.WriteInSlots; i++)
                {
                    var area = new GridRect(bubble + 0.55, row - 0.85, right - 0.15, row + 0.45);
                    yield return VotingPosition.ForWriteIn(c.Id, i, new GridPoint(bubble, row), area, area);
                    row += WriteInPitch;
                }

                break;
            case MeasureContest m:
                yield return VotingPosition.ForOption(m.Id, m.Yes.Id, new GridPoint(bubble, row), label(row));
                yield return VotingPosition.ForOption(m.Id, m.No.Id, new GridPoint(bubble, row + OptionPitch), label(row + OptionPitch));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(contest), contest.GetType().Name, "unknown contest type");
        }
    }
}
