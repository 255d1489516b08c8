using System.Text.Json;
using CentralCount.Election.Layout;

namespace CentralCount.Election.Loading;

/// <summary>Writes an election in CentralCount's JSON format; loading the bytes gives the same election back.</summary>
public static class ElectionWriter
{
    public static byte[] Write(ElectionDefinition election)
    {
        ArgumentNullException.ThrowIfNull(election);
        var document = new ElectionDocument
        {
            Format = ElectionLoader.FormatTag,
            Id = election.Id,
            Title = election.Title,
            Jurisdiction = new JurisdictionDocument { State = election.Jurisdiction.State, County = election.Jurisdiction.County },
            Date = election.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Kind = election.Kind == ElectionKind.Primary ? "primary" : "general",
            Parties = [.. election.Parties.Select(p => new PartyDocument { Id = p.Id, Name = p.Name, Abbreviation = p.Abbreviation })],
            Districts = [.. election.Districts.Select(d => new DistrictDocument { Id = d.Id, Name = d.Name })],
            Precincts = [.. election.Precincts.Select(p => new PrecinctDocument { Id = p.Id, Name = p.Name, Districts = [.. p.DistrictIds] })],
            Contests = [.. election.Contests.Select(Contest)],
            PageFormats = [.. election.PageFormats.Select(Format)],
            BallotStyles = [.. election.BallotStyles.Select(s => new BallotStyleDocument
            {
                Id = s.Id,
                Precincts = [.. s.PrecinctIds],
                Party = s.PartyId,
                Contests = [.. s.ContestIds],
                PageFormat = s.PageFormatId,
                Sheets = [.. s.Sheets.Select(sheet => new SheetDocument { Front = Page(sheet.Front), Back = Page(sheet.Back) })],
            })],
            Interpretation = Interpretation(election.Interpretation),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, ElectionJsonContext.Default.ElectionDocument);
        return [.. bytes, (byte)'\n'];
    }

    // Written only when the jurisdiction changed something, so default files stay as they were.
    private static InterpretationDocument? Interpretation(Rules.InterpretationSettings settings)
    {
        var (t, d) = (settings.Thresholds, Rules.MarkThresholds.Default);
        if (t == d && settings.AutomaticClauses.Count == 0)
        {
            return null;
        }

        return new InterpretationDocument
        {
            Thresholds = t == d ? null : new ThresholdsDocument
            {
                InkDarkness = t.InkDarkness,
                ResidueDarkness = t.ResidueDarkness,
                FilledCoverage = t.FilledCoverage,
                PartialCoverage = t.PartialCoverage,
                MarkCoverage = t.MarkCoverage,
                ResidueCoverage = t.ResidueCoverage,
                MinimumInkInches = t.MinimumInkInches,
            },
            AutomaticClauses = settings.AutomaticClauses.Count == 0 ? null : [.. settings.AutomaticClauses.Order(StringComparer.Ordinal)],
        };
    }

    private static ContestDocument? Contest(Contest contest) => contest switch
    {
        CandidateContest c => new ContestDocument
        {
            Id = c.Id,
            Type = "candidate",
            Title = c.Title,
            District = c.DistrictId,
            Party = c.PartyId,
            VoteFor = c.Seats,
            Candidates = [.. c.Candidates.Select(k => new CandidateDocument { Id = k.Id, Name = k.Name, Parties = k.PartyIds.Count == 0 ? null : [.. k.PartyIds] })],
            WriteIns = c.WriteInSlots == 0 ? null : c.WriteInSlots,
            DeclaredWriteIns = c.DeclaredWriteIns.Count == 0 ? null : [.. c.DeclaredWriteIns.Select(d => new DeclaredWriteInDocument { Id = d.Id, Name = d.Name, Designations = [.. d.Designations] })],
        },
        MeasureContest m => new ContestDocument
        {
            Id = m.Id,
            Type = m.Kind == MeasureKind.Retention ? "retention" : "ballot-issue",
            Title = m.Title,
            District = m.DistrictId,
            Text = m.Text,
            Yes = new OptionDocument { Id = m.Yes.Id, Label = m.Yes.Label },
            No = new OptionDocument { Id = m.No.Id, Label = m.No.Label },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(contest), contest.GetType().Name, "unknown contest type"),
    };

    private static PageFormatDocument? Format(PageFormat f) => new()
    {
        Id = f.Id,
        WidthInches = f.WidthInches,
        HeightInches = f.HeightInches,
        TimingMarks = new GridDocument
        {
            Columns = f.Grid.Columns,
            Rows = f.Grid.Rows,
            MarkWidthInches = f.Grid.MarkWidthInches,
            MarkHeightInches = f.Grid.MarkHeightInches,
            FirstCenter = new InchPointDocument { X = f.Grid.FirstCenter.X, Y = f.Grid.FirstCenter.Y },
            LastCenter = new InchPointDocument { X = f.Grid.LastCenter.X, Y = f.Grid.LastCenter.Y },
        },
        BubbleWidthInches = f.BubbleWidthInches,
        BubbleHeightInches = f.BubbleHeightInches,
        Identity = f.Identity == IdentityKind.QrCode ? "qr-code" : "from-layout",
        IdentityArea = f.IdentityArea is { } a ? Rect(a) : null,
    };

    private static PageDocument Page(PageLayout page) => new()
    {
        ContestBoxes = [.. page.ContestBoxes.Select(b => new ContestBoxDocument { Contest = b.ContestId, Box = Rect(b.Bounds) })],
        Positions = [.. page.Positions.Select(p => new PositionDocument
        {
            Contest = p.ContestId,
            Option = p.OptionId,
            WriteIn = p.WriteInIndex,
            At = new GridPointDocument { Column = Math.Round(p.Center.Column, 4), Row = Math.Round(p.Center.Row, 4) },
            WriteInArea = p.WriteInArea is { } w ? Rect(w) : null,
            LabelArea = p.LabelArea is { } l ? Rect(l) : null,
        })],
    };

    private static RectDocument Rect(GridRect r) => new()
    {
        Left = Math.Round(r.Left, 4),
        Top = Math.Round(r.Top, 4),
        Right = Math.Round(r.Right, 4),
        Bottom = Math.Round(r.Bottom, 4),
    };
}
