using System.Buffers;
using System.Text.Json;
using CentralCount.Election;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.ScanPipeline.Ingest;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.ScanPipeline.Pipeline;

/// <summary>
/// Decodes, registers and interprets one sheet and turns it into the record the store keeps:
/// counted with every contest's outcome, or rejected with the reason. Pixels are pooled and
/// returned before the record leaves. One instance serves one worker at a time.
/// </summary>
public sealed class ReadSheet(ElectionDefinition election, PageRegistrar registrar, InterpretSheet interpreter, PixelMemoryPool pool)
{
    private readonly ImageDecoder _decoder = new(pool);

    // One reader serves one worker, so the reading's JSON is written into the same buffer every time.
    private readonly ArrayBufferWriter<byte> _json = new(64 * 1024);

    public SheetRecord Read(RawSheet raw, string batchId)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var pages = new List<SheetPage>(2);
        var readings = new Dictionary<string, PageInterpretation>(2, StringComparer.Ordinal);
        foreach (var (file, bytes) in raw.Back is null ? [(raw.Files.Front, raw.Front)] : new[] { (raw.Files.Front, raw.Front), (raw.Files.Back!, raw.Back) })
        {
            var (registration, page) = ReadPage(file, bytes);
            pages.Add(new SheetPage(file, registration));
            if (page is not null)
            {
                readings[file] = page;
            }
        }

        var sheet = SheetAssembler.Assemble(pages[0], pages.Count > 1 ? pages[1] : null);
        if (!sheet.IsRead)
        {
            return Record(raw, batchId, SheetStatus.Rejected, sheet.Reject!.Reason.Name(), sheet.Reject.Detail, null, null, null, []);
        }

        var reading = interpreter.Sheet([.. sheet.Pages.Select(p => readings[p.File])]);
        var style = election.FindStyle(reading.Pages[0].Identity.StyleId)!;
        var fileOfPage = sheet.Pages.Select(p => p.File == raw.Files.Front ? 0 : 1).ToList();
        // A style serving several precincts: the ballot's code names its precinct when it was printed for one.
        var precinct = reading.Pages[0].Identity.PrecinctId ?? (style.PrecinctIds.Count == 1 ? style.PrecinctIds[0] : null);
        return Record(raw, batchId, SheetStatus.Counted, null, null, style.Id, precinct,
            Json(reading, fileOfPage), [.. reading.Contests.Select(c => new ContestRecord(c.Contest.Id, c.Outcome))]);
    }

    // A page is read to the end while its pixels are still in the processor's cache, and its
    // memory goes back to the pool before the other page is decoded into it. A page that
    // registers but belongs to a sheet rejected as a whole has its reading thrown away.
    private (PageRegistration Registration, PageInterpretation? Reading) ReadPage(string file, FileBytes bytes)
    {
        PixelImage image;
        try
        {
            image = _decoder.DecodeGray(bytes.Span, file);
        }
        catch (ImagingException e)
        {
            return (Unreadable(e), null);
        }

        using (image)
        {
            PageRegistration registration;
            try
            {
                registration = registrar.Register(image);
            }
            catch (ImagingException e)
            {
                return (Unreadable(e), null);
            }

            return (registration, registration.IsRead ? interpreter.Page(image, registration) : null);
        }

        static PageRegistration Unreadable(ImagingException e) => PageRegistration.Rejected(new PageReject(RejectReason.UnreadableImage, e.Message));
    }

    private static SheetRecord Record(RawSheet raw, string batchId, SheetStatus status, string? reason, string? detail, string? style, string? precinct, string? reading, IReadOnlyList<ContestRecord> contests) =>
        new(batchId, raw.Files.Seq, Path.GetFileName(raw.Files.Front), raw.Files.Back is null ? null : Path.GetFileName(raw.Files.Back), raw.ContentHash,
            status, reason, detail, style, precinct, reading, contests)
        {
            FrontImage = KeptImageName(raw.FrontHash, raw.Files.Front),
            BackImage = raw.BackHash is null ? null : KeptImageName(raw.BackHash, raw.Files.Back!),
        };

    /// <summary>The name an image is kept under in the store's images folder: its SHA-256 and its extension.</summary>
    public static string KeptImageName(string hash, string file) => hash + Path.GetExtension(file).ToLowerInvariant();

    // The machine's reading kept with the sheet: per position its class and scores, for the board and the CVR;
    // "file" says which of the sheet's files (0 front, 1 back as fed) the pixel centre is in.
    private string Json(SheetInterpretation reading, List<int> fileOfPage)
    {
        _json.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_json))
        {
            w.WriteStartArray();
            for (var pageIndex = 0; pageIndex < reading.Pages.Count; pageIndex++)
            {
                var page = reading.Pages[pageIndex];
                foreach (var p in page.Positions)
                {
                    var position = p.Located.Position;
                    w.WriteStartObject();
                    w.WriteString("side", page.Identity.Side == Election.Layout.PageSide.Front ? "front" : "back");
                    w.WriteString("contestId", position.ContestId);
                    if (position.OptionId is { } option)
                    {
                        w.WriteString("optionId", option);
                    }
                    else
                    {
                        w.WriteNumber("writeInIndex", position.WriteInIndex!.Value);
                    }

                    w.WriteString("markClass", p.Mark.Class.Name());
                    w.WriteNumber("fill", p.Evidence.Fill);
                    w.WriteNumber("x", Math.Round(p.Located.Center.X, 1));
                    w.WriteNumber("y", Math.Round(p.Located.Center.Y, 1));
                    w.WriteNumber("file", fileOfPage[pageIndex]);
                    if (p.Mark.WrittenIn)
                    {
                        w.WriteBoolean("writtenIn", true);
                    }

                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(_json.WrittenSpan);
    }
}
