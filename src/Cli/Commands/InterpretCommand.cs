using System.CommandLine;
using System.Text.Json;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.TestDeck.Rendering;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount interpret --election FILE FRONT [BACK] [--json]</c>: the reading of one sheet (docs/interpret.md).</summary>
internal static class InterpretCommand
{
    public static Command Create()
    {
        var election = new Option<FileInfo>("--election") { Description = "Election definition (ours or VxSuite election.json).", Required = true };
        var front = new Argument<FileInfo>("front") { Description = "Image of the first side as scanned." };
        var back = new Argument<FileInfo?>("back") { Description = "Image of the other side.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the reading as JSON." };
        var test = new Option<bool>("--test") { Description = "Read as a test count (test ballots accepted, live ballots refused)." };
        var command = new Command("interpret", "Read one sheet: identity, geometry and every voting position, or why it is rejected.") { election, front, back, json, test };
        command.SetAction(parse => Run(parse.GetValue(election)!, parse.GetValue(front)!, parse.GetValue(back), parse.GetValue(json), parse.GetValue(test)));
        return command;
    }

    private static int Run(FileInfo electionFile, FileInfo front, FileInfo? back, bool json, bool test)
    {
        var election = ElectionCommand.TryOpen(electionFile);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        // A file that is there but cannot be read is a rejected page; a path that leads nowhere is a mistake in the command.
        var missing = (back is null ? [front] : new[] { front, back }).Where(f => !f.Exists).ToList();
        foreach (var file in missing)
        {
            Console.Error.WriteLine($"{file.FullName}: no such file");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        using var pool = new PixelMemoryPool();
        var decoder = new ImageDecoder(pool);
        var registrar = new PageRegistrar(election, RegistrationSettings.Default with { TestCount = test });
        var images = new List<(FileInfo File, PixelImage? Image)>();
        try
        {
            var pages = new List<SheetPage>();
            foreach (var file in back is null ? [front] : new[] { front, back })
            {
                PixelImage? image = null;
                PageRegistration registration;
                try
                {
                    image = decoder.DecodeGrayFile(file.FullName);
                    registration = registrar.Register(image);
                }
                catch (Exception e) when (e is ImagingException or IOException or UnauthorizedAccessException)
                {
                    registration = PageRegistration.Rejected(new PageReject(RejectReason.UnreadableImage, e.Message));
                }

                images.Add((file, image));
                pages.Add(new SheetPage(file.FullName, registration));
            }

            var sheet = SheetAssembler.Assemble(pages[0], pages.Count > 1 ? pages[1] : null);
            SheetInterpretation? reading = null;
            if (sheet.IsRead)
            {
                var interpreter = new InterpretSheet(RenderedBlankPages.References(election));
                var byFile = images.ToDictionary(i => i.File.FullName, i => i.Image!);
                reading = interpreter.Sheet([.. sheet.Pages.Select(p => interpreter.Page(byFile[p.File], p.Registration))]);
            }

            if (json)
            {
                WriteJson(election, sheet, reading);
            }
            else
            {
                WriteText(election, sheet, reading);
            }

            return sheet.IsRead ? ExitCodes.Success : ExitCodes.Rejected;
        }
        finally
        {
            images.ForEach(i => i.Image?.Dispose());
        }
    }

    private static void WriteText(ElectionDefinition election, SheetRegistration sheet, SheetInterpretation? reading)
    {
        var marks = Marks(reading);
        Console.WriteLine(sheet.IsRead ? $"sheet read{(sheet.Swapped ? " (front and back files were swapped)" : string.Empty)}" : $"sheet REJECTED: {sheet.Reject}");
        foreach (var page in sheet.Pages)
        {
            var r = page.Registration;
            Console.WriteLine($"{Path.GetFileName(page.File)}:");
            if (r.Identity is { } id)
            {
                Console.WriteLine($"  {(id.Side == PageSide.Front ? "front" : "back")} of style {id.StyleId} sheet {id.Sheet}{(id.IsTest ? ", TEST ballot" : string.Empty)} (from {id.Source}){(r.Geometry!.UpsideDown ? ", scanned upside down" : string.Empty)}");
            }

            if (r.Quality is { } q)
            {
                Console.WriteLine($"  timing marks {q.MarksFound}/{q.MarksExpected}, longest gap {q.LongestGap}, {q.PixelsPerInch:F1} pixels per inch, skew {q.SkewDegrees:F2}°");
            }

            if (r.Reject is { } reject)
            {
                Console.WriteLine($"  rejected: {reject}");
            }

            foreach (var p in Positions(election, r))
            {
                var mark = marks.GetValueOrDefault(p.Position);
                var what = mark is null ? string.Empty
                    : $"  {mark.Mark.Class.Name()}{(mark.Mark.WrittenIn ? " + written" : string.Empty)}{(mark.Mark.WordsBeside ? " + words" : string.Empty)} (fill {mark.Evidence.Fill:F2})";
                Console.WriteLine($"  {Describe(election, p.Position),-60} at ({p.Center.X:F1}, {p.Center.Y:F1}){what}");
            }
        }

        if (reading is not null)
        {
            Console.WriteLine("contests:");
            foreach (var c in reading.Contests)
            {
                Console.WriteLine($"  {c.Contest.Title,-50} {c.Outcome}");
            }

            Console.WriteLine($"thresholds: {string.Join(", ", election.Interpretation.Thresholds.Describe().Select(t => $"{t.Name} {t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))}");
        }
    }

    // What an operator reads on the paper: the contest's title and the option's printed name (ids are in the JSON).
    private static string Describe(ElectionDefinition election, VotingPosition position)
    {
        var contest = election.Contests.FirstOrDefault(c => c.Id == position.ContestId);
        var printed = contest switch
        {
            CandidateContest c => c.Candidates.FirstOrDefault(k => k.Id == position.OptionId)?.Name,
            MeasureContest m => position.OptionId == m.Yes.Id ? m.Yes.Label : position.OptionId == m.No.Id ? m.No.Label : null,
            _ => null,
        };
        var choice = position.WriteInIndex is { } slot ? $"write-in {slot + 1}" : printed ?? position.OptionId;
        return $"{contest?.Title ?? position.ContestId}: {choice}";
    }

    private static Dictionary<VotingPosition, PositionReading> Marks(SheetInterpretation? reading) =>
        reading?.Pages.SelectMany(p => p.Positions).ToDictionary(p => p.Located.Position, p => p) ?? [];

    private static void WriteJson(ElectionDefinition election, SheetRegistration sheet, SheetInterpretation? reading)
    {
        var marks = Marks(reading);
        using var stream = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartObject("election");
        w.WriteString("id", election.Id);
        w.WriteString("hash", election.Hash.Hex);
        w.WriteEndObject();
        w.WriteBoolean("read", sheet.IsRead);
        w.WriteBoolean("swapped", sheet.Swapped);
        WriteReject(w, sheet.Reject);
        w.WriteStartArray("pages");
        foreach (var page in sheet.Pages)
        {
            var r = page.Registration;
            w.WriteStartObject();
            w.WriteString("file", page.File);
            if (r.Identity is { } id)
            {
                w.WriteString("side", id.Side == PageSide.Front ? "front" : "back");
                w.WriteStartObject("identity");
                w.WriteString("styleId", id.StyleId);
                w.WriteNumber("sheet", id.Sheet);
                w.WriteString("side", id.Side == PageSide.Front ? "front" : "back");
                w.WriteBoolean("test", id.IsTest);
                w.WriteString("source", id.Source);
                if (id.PrecinctId is { } precinct)
                {
                    w.WriteString("precinctId", precinct);
                }

                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("side");
                w.WriteNull("identity");
            }

            if (r.Quality is { } q)
            {
                w.WriteStartObject("geometry");
                w.WriteBoolean("upsideDown", r.Geometry!.UpsideDown);
                w.WriteNumber("marksFound", q.MarksFound);
                w.WriteNumber("marksExpected", q.MarksExpected);
                w.WriteNumber("longestGap", q.LongestGap);
                w.WriteNumber("pixelsPerInch", q.PixelsPerInch);
                w.WriteNumber("skewDegrees", q.SkewDegrees);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("geometry");
            }

            WriteReject(w, r.Reject);
            w.WriteStartArray("streakColumns");
            foreach (var x in r.StreakColumns)
            {
                w.WriteNumberValue(x);
            }

            w.WriteEndArray();
            w.WriteStartArray("positions");
            foreach (var (position, center) in Positions(election, r))
            {
                w.WriteStartObject();
                w.WriteString("contestId", position.ContestId);
                if (position.OptionId is { } option)
                {
                    w.WriteString("optionId", option);
                }
                else
                {
                    w.WriteNumber("writeInIndex", position.WriteInIndex!.Value);
                }

                w.WriteStartObject("centerPx");
                w.WriteNumber("x", Math.Round(center.X, 2));
                w.WriteNumber("y", Math.Round(center.Y, 2));
                w.WriteEndObject();
                if (marks.GetValueOrDefault(position) is { } mark)
                {
                    InterpretationJson.WriteMark(w, mark);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        InterpretationJson.WriteContests(w, reading);
        InterpretationJson.WriteThresholds(w, election.Interpretation);
        w.WriteEndObject();
        w.Flush();
        stream.Write("\n"u8);
    }

    private static void WriteReject(Utf8JsonWriter w, PageReject? reject)
    {
        if (reject is null)
        {
            w.WriteNull("rejectReason");
            w.WriteNull("rejectDetail");
        }
        else
        {
            w.WriteString("rejectReason", reject.Reason.Name());
            w.WriteString("rejectDetail", reject.Detail);
        }
    }

    private static IEnumerable<(VotingPosition Position, PointF Center)> Positions(ElectionDefinition election, PageRegistration r)
    {
        if (r.Positions is { } located)
        {
            return located.Select(p => (p.Position, p.Center));
        }

        // A rejected page that was still registered: show where the geometry puts each position.
        if (r.Identity is not { } id || r.Geometry is not { } geometry)
        {
            return [];
        }

        return election.FindStyle(id.StyleId)!.Page(id.Sheet, id.Side).Positions.Select(p => (p, geometry.ToPixel(p.Center)));
    }
}
