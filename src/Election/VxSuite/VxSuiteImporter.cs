using System.Text.Json;
using CentralCount.Election.Loading;

namespace CentralCount.Election.VxSuite;

/// <summary>
/// Imports a VotingWorks VxSuite <c>election.json</c> with <c>gridLayouts</c> (timing-mark grid
/// ballots, letter or legal) into the same model as our own definitions, with the same checks.
/// The hash is that of the VxSuite file's bytes.
/// </summary>
public static class VxSuiteImporter
{
    // VxSuite's grid ballots: 3/16 x 1/16 inch timing marks; the oval as printed on the
    // AccuVote-style cards it reads. Nominal positions: registration follows the real marks.
    private const double MarkWidth = 0.1875;
    private const double MarkHeight = 0.0625;
    private const double BubbleWidth = 0.2;
    private const double BubbleHeight = 0.13;

    public static ElectionDefinition ImportFile(string path) => Import(File.ReadAllBytes(path), path);

    public static ElectionDefinition Import(ReadOnlySpan<byte> bytes, string source)
    {
        JsonDocument json;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            json = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new ElectionDefinitionException(source, [new DefinitionProblem("$", $"not valid JSON: {e.Message}")]);
        }

        using (json)
        {
            var root = json.RootElement;
            if (!root.TryGetProperty("gridLayouts", out var layouts) || layouts.GetArrayLength() == 0)
            {
                throw new ElectionDefinitionException(source, [new DefinitionProblem("$.gridLayouts", "missing: only VxSuite grid-layout (timing-mark) elections can be imported")]);
            }

            return ElectionLoader.Load(Convert(root, layouts), ElectionHash.Of(bytes), source);
        }
    }

    private static ElectionDocument Convert(JsonElement root, JsonElement layouts)
    {
        var styles = root.GetProperty("ballotStyles").EnumerateArray().ToList();
        var contests = root.GetProperty("contests").EnumerateArray().ToList();
        var paper = root.TryGetProperty("ballotLayout", out var layout) ? Text(layout, "paperSize") ?? "letter" : "letter";
        var isPrimary = styles.Any(s => Text(s, "partyId") is not null);
        var formats = new List<PageFormatDocument?>();
        var ballotStyles = new List<BallotStyleDocument?>();
        foreach (var grid in layouts.EnumerateArray())
        {
            var styleId = Text(grid, "ballotStyleId")!;
            var style = styles.First(s => Text(s, "id") == styleId);
            var format = GridFormat(paper, grid.GetProperty("columns").GetInt32(), grid.GetProperty("rows").GetInt32());
            if (formats.All(f => f!.Id != format.Id))
            {
                formats.Add(format);
            }

            var positions = grid.GetProperty("gridPositions").EnumerateArray().ToList();
            var contestIds = positions.Select(p => Text(p, "contestId")!).Distinct().ToList();
            ballotStyles.Add(new BallotStyleDocument
            {
                Id = styleId,
                Precincts = [.. Strings(style, "precincts")],
                Party = Text(style, "partyId"),
                Contests = [.. contestIds],
                PageFormat = format.Id,
                Sheets = [new SheetDocument { Front = Page(positions, "front"), Back = Page(positions, "back") }],
            });
        }

        var date = Text(root, "date") ?? string.Empty;
        return new ElectionDocument
        {
            Format = ElectionLoader.FormatTag,
            Id = $"vx-{Text(root, "state")}-{(root.TryGetProperty("county", out var c) ? Text(c, "id") : "county")}-{(date.Length >= 10 ? date[..10] : date)}".ToLowerInvariant(),
            Title = Text(root, "title"),
            Jurisdiction = new JurisdictionDocument { State = Text(root, "state"), County = root.TryGetProperty("county", out var county) ? Text(county, "name") : null },
            Date = date.Length >= 10 ? date[..10] : date,
            Kind = isPrimary ? "primary" : "general",
            Parties = [.. root.GetProperty("parties").EnumerateArray().Select(p => new PartyDocument { Id = Text(p, "id"), Name = Text(p, "name"), Abbreviation = Text(p, "abbrev") })],
            Districts = [.. root.GetProperty("districts").EnumerateArray().Select(d => new DistrictDocument { Id = Text(d, "id"), Name = Text(d, "name") })],
            Precincts = [.. root.GetProperty("precincts").EnumerateArray().Select(p => new PrecinctDocument
            {
                Id = Text(p, "id"),
                Name = Text(p, "name"),
                Districts = [.. styles.Where(s => Strings(s, "precincts").Contains(Text(p, "id"))).SelectMany(s => Strings(s, "districts")).Distinct()],
            })],
            Contests = [.. contests.Select(k => Contest(k, layouts))],
            PageFormats = formats,
            BallotStyles = ballotStyles,
        };
    }

    private static ContestDocument Contest(JsonElement contest, JsonElement layouts)
    {
        var id = Text(contest, "id");
        if (Text(contest, "type") == "candidate")
        {
            var writeInSlots = layouts.EnumerateArray()
                .SelectMany(g => g.GetProperty("gridPositions").EnumerateArray())
                .Where(p => Text(p, "contestId") == id && Text(p, "type") == "write-in")
                .Select(p => p.GetProperty("writeInIndex").GetInt32() + 1)
                .DefaultIfEmpty(0).Max();
            return new ContestDocument
            {
                Id = id,
                Type = "candidate",
                Title = Text(contest, "title"),
                District = Text(contest, "districtId"),
                Party = Text(contest, "partyId"),
                VoteFor = contest.TryGetProperty("seats", out var seats) ? seats.GetInt32() : 1,
                Candidates = [.. contest.GetProperty("candidates").EnumerateArray().Select(k => new CandidateDocument { Id = Text(k, "id"), Name = Text(k, "name"), Parties = [.. Strings(k, "partyIds")] })],
                WriteIns = writeInSlots,
            };
        }

        return new ContestDocument
        {
            Id = id,
            Type = "ballot-issue",
            Title = Text(contest, "title"),
            District = Text(contest, "districtId"),
            Text = Text(contest, "description") ?? Text(contest, "title"),
            Yes = Option(contest, "yesOption", "yes", "Yes"),
            No = Option(contest, "noOption", "no", "No"),
        };
    }

    private static OptionDocument Option(JsonElement contest, string property, string defaultId, string defaultLabel) =>
        contest.TryGetProperty(property, out var o)
            ? new OptionDocument { Id = Text(o, "id"), Label = Text(o, "label") }
            : new OptionDocument { Id = defaultId, Label = defaultLabel };

    private static PageDocument Page(List<JsonElement> positions, string side) => new()
    {
        ContestBoxes = [],
        Positions = [.. positions.Where(p => Text(p, "side") == side).Select(p =>
        {
            var column = p.GetProperty("column").GetDouble();
            var row = p.GetProperty("row").GetDouble();
            var isWriteIn = Text(p, "type") == "write-in";
            return new PositionDocument
            {
                Contest = Text(p, "contestId"),
                Option = isWriteIn ? null : Text(p, "optionId"),
                WriteIn = isWriteIn ? p.GetProperty("writeInIndex").GetInt32() : null,
                At = new GridPointDocument { Column = column, Row = row },
                WriteInArea = isWriteIn ? WriteInArea(p, column, row) : null,
            };
        })],
    };

    // Newer VxSuite files give the write-in area; older ones do not, and on their cards the
    // name is written on the line to the left of the oval.
    private static RectDocument WriteInArea(JsonElement position, double column, double row) =>
        position.TryGetProperty("writeInArea", out var a)
            ? new RectDocument { Left = a.GetProperty("x").GetDouble(), Top = a.GetProperty("y").GetDouble(), Right = a.GetProperty("x").GetDouble() + a.GetProperty("width").GetDouble(), Bottom = a.GetProperty("y").GetDouble() + a.GetProperty("height").GetDouble() }
            : new RectDocument { Left = Math.Max(0.5, column - 6), Top = row - 0.9, Right = column - 0.6, Bottom = row + 0.4 };

    private static PageFormatDocument GridFormat(string paper, int columns, int rows)
    {
        var (width, height) = paper switch
        {
            "legal" => (8.5, 14.0),
            "letter" => (8.5, 11.0),
            "custom-8.5x17" => (8.5, 17.0),
            _ => (8.5, 11.0),
        };

        // The grid spans the page with equal margins: one pitch of about 0.244 inch between marks.
        var pitch = (width - 0.416) / (columns - 1);
        var spanY = pitch * (rows - 1);
        return new PageFormatDocument
        {
            Id = $"vx-{paper}-{columns}x{rows}",
            WidthInches = width,
            HeightInches = height,
            TimingMarks = new GridDocument
            {
                Columns = columns,
                Rows = rows,
                MarkWidthInches = MarkWidth,
                MarkHeightInches = MarkHeight,
                FirstCenter = new InchPointDocument { X = 0.208, Y = (height - spanY) / 2 },
                LastCenter = new InchPointDocument { X = width - 0.208, Y = (height + spanY) / 2 },
            },
            BubbleWidthInches = BubbleWidth,
            BubbleHeightInches = BubbleHeight,
            Identity = "from-layout",
        };
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string?> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString())
            : [];
}
