using System.Globalization;
using CentralCount.Election.Layout;

namespace CentralCount.Election.Loading;

/// <summary>Checks a parsed definition and builds the domain model, collecting every problem with its path.</summary>
internal sealed class DefinitionReader(ElectionHash hash)
{
    private readonly List<DefinitionProblem> _problems = [];

    public IReadOnlyList<DefinitionProblem> Problems => _problems;

    public ElectionDefinition? Read(ElectionDocument doc)
    {
        if (doc.Format != ElectionLoader.FormatTag)
        {
            Problem("$.format", doc.Format is null ? $"missing; expected \"{ElectionLoader.FormatTag}\"" : $"\"{doc.Format}\" is not supported; expected \"{ElectionLoader.FormatTag}\"");
        }

        var id = Required(doc.Id, "$.id");
        var title = Required(doc.Title, "$.title");
        var state = Required(doc.Jurisdiction?.State, "$.jurisdiction.state");
        var county = Required(doc.Jurisdiction?.County, "$.jurisdiction.county");
        var date = ReadDate(doc.Date);
        var kind = doc.Kind switch
        {
            "general" => ElectionKind.General,
            "primary" => ElectionKind.Primary,
            null => Bad<ElectionKind>("$.kind", "missing; expected \"general\" or \"primary\""),
            var other => Bad<ElectionKind>("$.kind", $"\"{other}\" is not \"general\" or \"primary\""),
        };

        var parties = List(doc.Parties, "$.parties", (p, path) => new Party(Required(p.Id, path + ".id"), Required(p.Name, path + ".name"), p.Abbreviation ?? p.Name ?? string.Empty), allowEmpty: true);
        var districts = List(doc.Districts, "$.districts", (d, path) => new District(Required(d.Id, path + ".id"), Required(d.Name, path + ".name")));
        var partyIds = UniqueIds(parties, p => p.Id, "$.parties", "party");
        var districtIds = UniqueIds(districts, d => d.Id, "$.districts", "district");
        var precincts = List(doc.Precincts, "$.precincts", (p, path) => new Precinct(
            Required(p.Id, path + ".id"), Required(p.Name, path + ".name"),
            References(p.Districts, path + ".districts", districtIds, "district")));
        UniqueIds(precincts, p => p.Id, "$.precincts", "precinct");
        var contests = List(doc.Contests, "$.contests", (c, path) => ReadContest(c, path, districtIds, partyIds, kind));
        UniqueIds(contests, c => c.Id, "$.contests", "contest");
        var formats = List(doc.PageFormats, "$.pageFormats", ReadPageFormat);
        UniqueIds(formats, f => f.Id, "$.pageFormats", "page format");
        var styles = List(doc.BallotStyles, "$.ballotStyles", (s, path) =>
            new BallotStyleReader(this, contests, precincts, formats, partyIds, kind).Read(s, path));
        UniqueIds(styles, s => s.Id, "$.ballotStyles", "ballot style");

        var interpretation = ReadInterpretation(doc.Interpretation);
        return _problems.Count > 0
            ? null
            : new ElectionDefinition(id, title, new Jurisdiction(state, county), date, kind, parties, districts, precincts, contests, formats, styles, hash)
            {
                Interpretation = interpretation,
            };
    }

    private Rules.InterpretationSettings ReadInterpretation(InterpretationDocument? doc)
    {
        if (doc is null)
        {
            return Rules.InterpretationSettings.Default;
        }

        var d = Rules.MarkThresholds.Default;
        var t = doc.Thresholds;
        var before = _problems.Count;
        int Level(int? value, int fallback, string name) => value is null ? fallback
            : value is >= 1 and <= 254 ? value.Value : Bad<int>($"$.interpretation.thresholds.{name}", $"{value} is not a grey-level difference between 1 and 254");
        double Fraction(double? value, double fallback, string name) => value is null ? fallback
            : value is > 0 and < 1 ? value.Value : Bad<double>($"$.interpretation.thresholds.{name}", $"{value.Value.ToString(CultureInfo.InvariantCulture)} is not a fraction between 0 and 1");
        var thresholds = new Rules.MarkThresholds(
            Level(t?.InkDarkness, d.InkDarkness, "inkDarkness"),
            Level(t?.ResidueDarkness, d.ResidueDarkness, "residueDarkness"),
            Fraction(t?.FilledCoverage, d.FilledCoverage, "filledCoverage"),
            Fraction(t?.PartialCoverage, d.PartialCoverage, "partialCoverage"),
            Fraction(t?.MarkCoverage, d.MarkCoverage, "markCoverage"),
            Fraction(t?.ResidueCoverage, d.ResidueCoverage, "residueCoverage"),
            Fraction(t?.MinimumInkInches, d.MinimumInkInches, "minimumInkInches"));
        // Relations are checked only between values that are each valid.
        if (_problems.Count == before && thresholds.ResidueDarkness >= thresholds.InkDarkness)
        {
            Problem("$.interpretation.thresholds.residueDarkness", "must be lighter (smaller) than inkDarkness");
        }
        else if (_problems.Count == before && !(thresholds.MarkCoverage < thresholds.PartialCoverage && thresholds.PartialCoverage < thresholds.FilledCoverage))
        {
            Problem("$.interpretation.thresholds", "coverages must rise: markCoverage < partialCoverage < filledCoverage");
        }

        var clauses = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (doc.AutomaticClauses?.Count ?? 0); i++)
        {
            var id = doc.AutomaticClauses![i];
            var path = $"$.interpretation.automaticClauses[{i}]";
            if (id is null || !Rules.InterpretationSettings.AutomatableClauses.Contains(id))
            {
                Problem(path, $"\"{id}\" cannot be applied without the board; automatic clauses are {string.Join(", ", Rules.InterpretationSettings.AutomatableClauses.Order(StringComparer.Ordinal))}");
            }
            else
            {
                clauses.Add(id);
            }
        }

        return new Rules.InterpretationSettings(thresholds, clauses);
    }

    private DateOnly ReadDate(string? text)
    {
        if (text is null)
        {
            return Bad<DateOnly>("$.date", "missing; expected a date such as \"2026-11-03\"");
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Bad<DateOnly>("$.date", $"\"{text}\" is not a date in the form YYYY-MM-DD");
    }

    private Contest ReadContest(ContestDocument c, string path, HashSet<string> districts, HashSet<string> parties, ElectionKind kind)
    {
        var id = Required(c.Id, path + ".id");
        var title = Required(c.Title, path + ".title");
        var district = Reference(c.District, path + ".district", districts, "district");
        string? party = null;
        if (c.Party is not null)
        {
            party = Reference(c.Party, path + ".party", parties, "party");
            if (kind == ElectionKind.General)
            {
                Problem(path + ".party", "a general election's contests are not party contests; remove \"party\"");
            }
        }

        switch (c.Type)
        {
            case "candidate":
                var voteFor = c.VoteFor ?? Bad<int>(path + ".voteFor", "missing; how many candidates may a voter choose?");
                if (c.VoteFor is < 1)
                {
                    Problem(path + ".voteFor", $"must be at least 1 (was {c.VoteFor})");
                }

                var candidates = List(c.Candidates, path + ".candidates", (k, p) => new Candidate(
                    Required(k.Id, p + ".id"), Required(k.Name, p + ".name"), References(k.Parties, p + ".parties", parties, "party", allowMissing: true)));
                var optionIds = UniqueIds(candidates, k => k.Id, path + ".candidates", "candidate");
                var writeIns = c.WriteIns ?? 0;
                if (writeIns < 0)
                {
                    Problem(path + ".writeIns", $"must be 0 or more (was {writeIns})");
                }

                var declared = List(c.DeclaredWriteIns, path + ".declaredWriteIns", (d, p) => new DeclaredWriteIn(
                    Required(d.Id, p + ".id"), Required(d.Name, p + ".name"),
                    [.. (d.Designations ?? []).Select((s, i) => Required(s, $"{p}.designations[{i}]"))]), allowEmpty: true);
                if (declared.Count > 0 && writeIns == 0)
                {
                    Problem(path + ".declaredWriteIns", "declared write-in candidates need at least one write-in slot (\"writeIns\")");
                }

                foreach (var (d, i) in declared.Select((d, i) => (d, i)).Where(x => optionIds.Contains(x.d.Id)))
                {
                    Problem($"{path}.declaredWriteIns[{i}].id", $"\"{d.Id}\" is already a printed candidate's id");
                }

                UniqueIds(declared, d => d.Id, path + ".declaredWriteIns", "declared write-in");
                if (voteFor > candidates.Count + writeIns && candidates.Count > 0)
                {
                    Problem(path + ".voteFor", $"vote for {voteFor} but only {candidates.Count} candidate(s) and {writeIns} write-in slot(s)");
                }

                return new CandidateContest(id, title, district, party, voteFor, candidates, Math.Max(0, writeIns), declared);

            case "ballot-issue" or "retention":
                if (party is not null)
                {
                    Problem(path + ".party", "a yes/no question belongs to no party");
                }

                var text = Required(c.Text, path + ".text");
                var yes = ReadOption(c.Yes, path + ".yes");
                var no = ReadOption(c.No, path + ".no");
                if (yes.Id == no.Id && yes.Id.Length > 0)
                {
                    Problem(path + ".no.id", $"\"{no.Id}\" is also the yes option's id");
                }

                return new MeasureContest(id, title, district, c.Type == "retention" ? MeasureKind.Retention : MeasureKind.BallotIssue, text, yes, no);

            case null:
                Problem(path + ".type", "missing; expected \"candidate\", \"ballot-issue\" or \"retention\"");
                return new MeasureContest(id, title, district, MeasureKind.BallotIssue, string.Empty, new MeasureOption("", ""), new MeasureOption("", ""));

            default:
                Problem(path + ".type", $"\"{c.Type}\" is not \"candidate\", \"ballot-issue\" or \"retention\"");
                return new MeasureContest(id, title, district, MeasureKind.BallotIssue, string.Empty, new MeasureOption("", ""), new MeasureOption("", ""));
        }
    }

    private MeasureOption ReadOption(OptionDocument? option, string path)
    {
        if (option is null)
        {
            Problem(path, "missing");
            return new MeasureOption(string.Empty, string.Empty);
        }

        return new MeasureOption(Required(option.Id, path + ".id"), Required(option.Label, path + ".label"));
    }

    private PageFormat ReadPageFormat(PageFormatDocument f, string path)
    {
        var id = Required(f.Id, path + ".id");
        var width = Positive(f.WidthInches, path + ".widthInches");
        var height = Positive(f.HeightInches, path + ".heightInches");
        var g = f.TimingMarks;
        TimingMarkGrid grid;
        if (g is null)
        {
            Problem(path + ".timingMarks", "missing");
            grid = new TimingMarkGrid(2, 2, 0.1, 0.1, new InchPoint(0, 0), new InchPoint(1, 1));
        }
        else
        {
            var gp = path + ".timingMarks";
            var columns = g.Columns ?? Bad<int>(gp + ".columns", "missing");
            var rows = g.Rows ?? Bad<int>(gp + ".rows", "missing");
            if (g.Columns is < 2 || g.Rows is < 2)
            {
                Problem(gp, "a timing-mark grid needs at least 2 columns and 2 rows");
            }

            var first = ReadInchPoint(g.FirstCenter, gp + ".firstCenter", width, height);
            var last = ReadInchPoint(g.LastCenter, gp + ".lastCenter", width, height);
            if (last.X <= first.X || last.Y <= first.Y)
            {
                Problem(gp + ".lastCenter", "must lie right of and below firstCenter");
            }

            grid = new TimingMarkGrid(Math.Max(2, columns), Math.Max(2, rows), Positive(g.MarkWidthInches, gp + ".markWidthInches"), Positive(g.MarkHeightInches, gp + ".markHeightInches"), first, last);
        }

        var identity = f.Identity switch
        {
            "qr-code" => IdentityKind.QrCode,
            "from-layout" => IdentityKind.FromLayout,
            null => Bad<IdentityKind>(path + ".identity", "missing; expected \"qr-code\" or \"from-layout\""),
            var other => Bad<IdentityKind>(path + ".identity", $"\"{other}\" is not \"qr-code\" or \"from-layout\""),
        };
        GridRect? area = f.IdentityArea is null ? null : ReadRect(f.IdentityArea, path + ".identityArea");
        if (identity == IdentityKind.QrCode && area is null)
        {
            Problem(path + ".identityArea", "a page identified by QR code needs the area where the code is printed");
        }

        return new PageFormat(id, width, height, grid, Positive(f.BubbleWidthInches, path + ".bubbleWidthInches"), Positive(f.BubbleHeightInches, path + ".bubbleHeightInches"), identity, area);
    }

    private InchPoint ReadInchPoint(InchPointDocument? p, string path, double width, double height)
    {
        if (p?.X is not { } x || p.Y is not { } y)
        {
            Problem(path, "missing x or y");
            return default;
        }

        if (x < 0 || y < 0 || x > width || y > height)
        {
            Problem(path, $"({x}, {y}) inches lies off the {width} x {height} inch page");
        }

        return new InchPoint(x, y);
    }

    internal GridRect ReadRect(RectDocument? r, string path)
    {
        if (r?.Left is not { } left || r.Top is not { } top || r.Right is not { } right || r.Bottom is not { } bottom)
        {
            Problem(path, "missing left, top, right or bottom");
            return default;
        }

        if (right <= left || bottom <= top)
        {
            Problem(path, "right must exceed left and bottom must exceed top");
        }

        return new GridRect(left, top, right, bottom);
    }

    internal void Problem(string path, string message) => _problems.Add(new DefinitionProblem(path, message));

    internal T Bad<T>(string path, string message)
    {
        Problem(path, message);
        return default!;
    }

    internal string Required(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(path, value is null ? "missing" : "must not be empty");
            return string.Empty;
        }

        return value;
    }

    private double Positive(double? value, string path)
    {
        if (value is not { } v)
        {
            return Bad<double>(path, "missing");
        }

        if (v <= 0 || double.IsNaN(v) || double.IsInfinity(v))
        {
            Problem(path, $"must be a positive number (was {v})");
        }

        return v;
    }

    internal List<T> List<TDoc, T>(List<TDoc?>? items, string path, Func<TDoc, string, T> read, bool allowEmpty = false)
        where TDoc : class
    {
        if (items is null || items.Count == 0)
        {
            if (!allowEmpty)
            {
                Problem(path, items is null ? "missing" : "must not be empty");
            }

            return [];
        }

        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is not { } item)
            {
                Problem(itemPath, "is null");
                continue;
            }

            result.Add(read(item, itemPath));
        }

        return result;
    }

    internal HashSet<string> UniqueIds<T>(IReadOnlyList<T> items, Func<T, string> id, string path, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var value = id(items[i]);
            if (value.Length > 0 && !seen.Add(value))
            {
                Problem($"{path}[{i}].id", $"duplicate {what} id \"{value}\"");
            }
        }

        return seen;
    }

    internal string Reference(string? value, string path, HashSet<string> known, string what)
    {
        var id = Required(value, path);
        if (id.Length > 0 && !known.Contains(id))
        {
            Problem(path, $"unknown {what} \"{id}\"");
        }

        return id;
    }

    internal List<string> References(List<string?>? values, string path, HashSet<string> known, string what, bool allowMissing = false)
    {
        if (values is null)
        {
            if (!allowMissing)
            {
                Problem(path, "missing");
            }

            return [];
        }

        return [.. values.Select((v, i) => Reference(v, $"{path}[{i}]", known, what))];
    }
}
