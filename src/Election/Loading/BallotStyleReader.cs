using CentralCount.Election.Layout;

namespace CentralCount.Election.Loading;

/// <summary>Checks one ballot style and its sheets against the contests, precincts and page formats.</summary>
internal sealed class BallotStyleReader(
    DefinitionReader reader,
    IReadOnlyList<Contest> contests,
    IReadOnlyList<Precinct> precincts,
    IReadOnlyList<PageFormat> formats,
    HashSet<string> partyIds,
    ElectionKind kind)
{
    public BallotStyle Read(BallotStyleDocument s, string path)
    {
        var id = reader.Required(s.Id, path + ".id");
        var precinctIds = reader.References(s.Precincts, path + ".precincts", [.. precincts.Select(p => p.Id)], "precinct");
        if (precinctIds.Count == 0 && s.Precincts is not null)
        {
            reader.Problem(path + ".precincts", "must name at least one precinct");
        }

        string? party = null;
        if (s.Party is not null)
        {
            party = reader.Reference(s.Party, path + ".party", partyIds, "party");
        }
        else if (kind == ElectionKind.Primary)
        {
            reader.Problem(path + ".party", "a primary's ballot styles each belong to a party");
        }

        var contestIds = reader.References(s.Contests, path + ".contests", [.. contests.Select(c => c.Id)], "contest");
        var styleContests = new Dictionary<string, Contest>(StringComparer.Ordinal);
        for (var i = 0; i < contestIds.Count; i++)
        {
            var contest = contests.FirstOrDefault(c => c.Id == contestIds[i]);
            if (contest is null)
            {
                continue;
            }

            if (!styleContests.TryAdd(contest.Id, contest))
            {
                reader.Problem($"{path}.contests[{i}]", $"contest \"{contest.Id}\" is listed twice");
            }

            CheckContestBelongs(contest, precinctIds, party, $"{path}.contests[{i}]");
        }

        var formatId = reader.Required(s.PageFormat, path + ".pageFormat");
        var format = formats.FirstOrDefault(f => f.Id == formatId);
        if (format is null && formatId.Length > 0)
        {
            reader.Problem(path + ".pageFormat", $"unknown page format \"{formatId}\"");
        }

        var problemsBefore = reader.Problems.Count;
        var sheets = reader.List(s.Sheets, path + ".sheets", (sheet, p) => new SheetLayout(
            ReadPage(sheet.Front, p + ".front", PageSide.Front, styleContests, format),
            ReadPage(sheet.Back, p + ".back", PageSide.Back, styleContests, format)));
        if (reader.Problems.Count == problemsBefore)
        {
            // Only when the positions themselves are sound, so one mistake is reported once.
            CheckEveryOptionPrintedOnce(sheets, styleContests, path);
        }
        return new BallotStyle(id, precinctIds, party, contestIds, formatId, sheets);
    }

    private void CheckContestBelongs(Contest contest, List<string> precinctIds, string? party, string path)
    {
        foreach (var precinctId in precinctIds)
        {
            var precinct = precincts.FirstOrDefault(p => p.Id == precinctId);
            if (precinct is not null && !precinct.DistrictIds.Contains(contest.DistrictId))
            {
                reader.Problem(path, $"contest \"{contest.Id}\" is in district \"{contest.DistrictId}\", which precinct \"{precinctId}\" is not in");
            }
        }

        if (contest.PartyId is not null && contest.PartyId != party)
        {
            reader.Problem(path, $"contest \"{contest.Id}\" is party \"{contest.PartyId}\"'s, not this style's party \"{party ?? "(none)"}\"");
        }
    }

    private PageLayout ReadPage(PageDocument? page, string path, PageSide side, Dictionary<string, Contest> styleContests, PageFormat? format)
    {
        if (page is null)
        {
            reader.Problem(path, "missing (a sheet has a front and a back, even if one is blank)");
            return new PageLayout(side, [], []);
        }

        var boxes = reader.List(page.ContestBoxes, path + ".contestBoxes", (b, p) =>
        {
            var contest = reader.Required(b.Contest, p + ".contest");
            if (contest.Length > 0 && !styleContests.ContainsKey(contest))
            {
                reader.Problem(p + ".contest", $"contest \"{contest}\" is not on this ballot style");
            }

            return new ContestBox(contest, reader.ReadRect(b.Box, p + ".box"));
        }, allowEmpty: true);
        var positions = reader.List(page.Positions, path + ".positions", (d, p) => ReadPosition(d, p, styleContests, format), allowEmpty: true);
        if (format is not null)
        {
            CheckNoOverlaps(positions, format, path + ".positions");
        }

        return new PageLayout(side, boxes, positions);
    }

    private VotingPosition ReadPosition(PositionDocument d, string path, Dictionary<string, Contest> styleContests, PageFormat? format)
    {
        var contestId = reader.Required(d.Contest, path + ".contest");
        styleContests.TryGetValue(contestId, out var contest);
        if (contest is null && contestId.Length > 0)
        {
            reader.Problem(path + ".contest", $"contest \"{contestId}\" is not on this ballot style");
        }

        GridPoint center = default;
        if (d.At?.Column is not { } column || d.At.Row is not { } row)
        {
            reader.Problem(path + ".at", "missing column or row");
        }
        else
        {
            center = new GridPoint(column, row);
            CheckOnPage(center, format, path + ".at");
        }

        GridRect? label = d.LabelArea is null ? null : reader.ReadRect(d.LabelArea, path + ".labelArea");
        if (d.Option is not null == d.WriteIn is not null)
        {
            reader.Problem(path, "a position names exactly one of \"option\" and \"writeIn\"");
            return VotingPosition.ForOption(contestId, d.Option ?? string.Empty, center);
        }

        if (d.Option is { } option)
        {
            if (contest is not null && !contest.OptionIds.Contains(option))
            {
                reader.Problem(path + ".option", $"contest \"{contestId}\" has no option \"{option}\"");
            }

            return VotingPosition.ForOption(contestId, option, center, label);
        }

        var index = d.WriteIn!.Value;
        var slots = contest is CandidateContest cc ? cc.WriteInSlots : 0;
        if (contest is not null && (index < 0 || index >= slots))
        {
            reader.Problem(path + ".writeIn", $"contest \"{contestId}\" has {slots} write-in slot(s); there is no slot {index}");
        }

        if (d.WriteInArea is null)
        {
            reader.Problem(path + ".writeInArea", "a write-in position needs the area where the voter writes the name");
            return VotingPosition.ForWriteIn(contestId, Math.Max(0, index), center, default, label);
        }

        return VotingPosition.ForWriteIn(contestId, Math.Max(0, index), center, reader.ReadRect(d.WriteInArea, path + ".writeInArea"), label);
    }

    private void CheckOnPage(GridPoint center, PageFormat? format, string path)
    {
        if (format is null)
        {
            return;
        }

        var grid = format.Grid;
        var inches = grid.ToInches(center);
        var halfW = format.BubbleWidthInches / 2;
        var halfH = format.BubbleHeightInches / 2;
        if (inches.X - halfW < 0 || inches.Y - halfH < 0 || inches.X + halfW > format.WidthInches || inches.Y + halfH > format.HeightInches)
        {
            reader.Problem(path, $"the oval at column {center.Column}, row {center.Row} lies off the {format.WidthInches} x {format.HeightInches} inch page");
        }
        else if (center.Column <= 0 || center.Row <= 0 || center.Column >= grid.Columns - 1 || center.Row >= grid.Rows - 1)
        {
            reader.Problem(path, $"the oval at column {center.Column}, row {center.Row} lies on or outside the timing-mark border (columns 0-{grid.Columns - 1}, rows 0-{grid.Rows - 1})");
        }
    }

    private void CheckNoOverlaps(List<VotingPosition> positions, PageFormat format, string path)
    {
        var grid = format.Grid;
        for (var i = 0; i < positions.Count; i++)
        {
            var a = grid.ToInches(positions[i].Center);
            for (var j = i + 1; j < positions.Count; j++)
            {
                var b = grid.ToInches(positions[j].Center);
                if (Math.Abs(a.X - b.X) < format.BubbleWidthInches && Math.Abs(a.Y - b.Y) < format.BubbleHeightInches)
                {
                    reader.Problem($"{path}[{j}]", $"the oval of {positions[j]} overlaps the oval of {positions[i]}");
                }
            }
        }
    }

    private void CheckEveryOptionPrintedOnce(List<SheetLayout> sheets, Dictionary<string, Contest> styleContests, string path)
    {
        var printed = sheets.SelectMany(s => new[] { s.Front, s.Back }).SelectMany(p => p.Positions).ToList();
        foreach (var contest in styleContests.Values)
        {
            var expected = contest.OptionIds.Select(o => ((string?)o, (int?)null))
                .Concat(Enumerable.Range(0, contest is CandidateContest c ? c.WriteInSlots : 0).Select(i => ((string?)null, (int?)i)));
            foreach (var (option, writeIn) in expected)
            {
                var count = printed.Count(p => p.ContestId == contest.Id && p.OptionId == option && p.WriteInIndex == writeIn);
                var name = option is null ? $"write-in slot {writeIn}" : $"option \"{option}\"";
                if (count != 1)
                {
                    reader.Problem(path + ".sheets", $"{name} of contest \"{contest.Id}\" is printed {count} times; it must be printed exactly once");
                }
            }
        }
    }
}
