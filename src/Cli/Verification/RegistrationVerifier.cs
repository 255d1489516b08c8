using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.TestDeck.Corpus;

namespace CentralCount.Cli.Verification;

/// <summary>The result of checking registration against a corpus manifest.</summary>
public sealed record RegistrationReport(
    int Dpi,
    int Sheets,
    int InSpecification,
    int Misregistered,
    int WronglyRejected,
    int Defective,
    int DefectsCaught,
    int DefectsWithWrongReason,
    int DefectsMissed,
    int Positions,
    double MaxErrorPx,
    double MeanErrorPx,
    PointF MeanOffsetPx,
    double MeanRegistrationMs,
    IReadOnlyList<string> Failures);

/// <summary>
/// Registers every sheet of a golden corpus and compares with its manifest: every position of an
/// in-specification sheet must land within the tolerance of its true centre, and every defective
/// sheet must be rejected for the reason the manifest names.
/// </summary>
public static class RegistrationVerifier
{
    public static RegistrationReport Verify(ElectionDefinition election, string corpusDirectory, double tolerancePx, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(election);
        var manifest = CorpusManifest.Read(corpusDirectory);
        using var pool = new PixelMemoryPool();
        var decoder = new ImageDecoder(pool);
        var registrar = new PageRegistrar(election, RegistrationSettings.Default with { TestCount = manifest.Sheets.Count > 0 && manifest.Sheets[0].TestBallot });
        var failures = new List<string>();
        int inSpec = 0, misregistered = 0, wronglyRejected = 0, defective = 0, caught = 0, wrongReason = 0, missed = 0, positions = 0;
        double maxError = 0, sumError = 0, sumDx = 0, sumDy = 0, registrationMs = 0;
        var pages = 0;
        foreach (var sheet in manifest.Sheets)
        {
            var registered = new List<SheetPage>();
            var byFile = new Dictionary<string, PageRegistration>();
            foreach (var file in sheet.Pages.Select(p => p.File).OrderDescending(StringComparer.Ordinal))
            {
                using var image = decoder.DecodeGrayFile(Path.Combine(corpusDirectory, file));
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var registration = registrar.Register(image);
                registrationMs += clock.Elapsed.TotalMilliseconds;
                pages++;
                byFile[file] = registration;
                registered.Add(new SheetPage(file, registration));
            }

            var assembled = SheetAssembler.Assemble(registered[0], registered[1]);
            if (sheet.ExpectedReject != "none")
            {
                defective++;
                var expected = ExpectedReason(sheet.ExpectedReject);
                if (assembled.Reject is null)
                {
                    missed++;
                    failures.Add($"{sheet.Id}: {sheet.ExpectedReject} sheet was read");
                }
                else if (assembled.Reject.Reason != expected)
                {
                    wrongReason++;
                    failures.Add($"{sheet.Id}: expected {sheet.ExpectedReject}, rejected as {assembled.Reject}");
                }
                else
                {
                    caught++;
                }

                continue;
            }

            inSpec++;
            if (assembled.Reject is not null)
            {
                wronglyRejected++;
                failures.Add($"{sheet.Id}: in-specification sheet rejected: {assembled.Reject}");
                continue;
            }

            var sheetBad = false;
            foreach (var page in sheet.Pages)
            {
                var registration = byFile[page.File];
                var id = registration.Identity!;
                var side = page.Side == "front" ? PageSide.Front : PageSide.Back;
                if (id.StyleId != sheet.StyleId || id.Sheet != sheet.SheetNumber || id.Side != side)
                {
                    failures.Add($"{sheet.Id} {page.File}: identified as {id.StyleId}/{id.Sheet}/{id.Side}, truth {sheet.StyleId}/{sheet.SheetNumber}/{page.Side}");
                    sheetBad = true;
                    continue;
                }

                foreach (var truth in page.Positions)
                {
                    var located = registration.Positions!.Single(p => p.Position.ContestId == truth.ContestId && p.Position.OptionId == truth.OptionId && p.Position.WriteInIndex == truth.WriteInIndex);
                    var (position, at) = (located.Position, located.Center);
                    var error = Math.Sqrt(Math.Pow(at.X - truth.CenterPx.X, 2) + Math.Pow(at.Y - truth.CenterPx.Y, 2));
                    positions++;
                    sumError += error;
                    sumDx += at.X - truth.CenterPx.X;
                    sumDy += at.Y - truth.CenterPx.Y;
                    maxError = Math.Max(maxError, error);
                    if (error > tolerancePx)
                    {
                        failures.Add($"{sheet.Id} {page.File}: {position} off by {error:F2} px");
                        sheetBad = true;
                    }
                }
            }

            misregistered += sheetBad ? 1 : 0;
            progress?.Invoke(inSpec + defective);
        }

        return new RegistrationReport(manifest.Dpi, manifest.Sheets.Count, inSpec, misregistered, wronglyRejected, defective, caught, wrongReason, missed,
            positions, Math.Round(maxError, 3), positions == 0 ? 0 : Math.Round(sumError / positions, 3),
            positions == 0 ? new PointF(0, 0) : new PointF(Math.Round(sumDx / positions, 3), Math.Round(sumDy / positions, 3)), pages == 0 ? 0 : Math.Round(registrationMs / pages, 2), failures);
    }

    private static RejectReason ExpectedReason(string name) => name switch
    {
        "missing-timing-marks" => RejectReason.DamagedGeometry,
        "streak-through-positions" => RejectReason.StreakThroughPositions,
        "half-page" => RejectReason.IncompletePage,
        "wrong-election" => RejectReason.WrongElection,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown defect"),
    };
}
