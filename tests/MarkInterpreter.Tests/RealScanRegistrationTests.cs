using System.Text.Json;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Election.VxSuite;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.Tests;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>The real VxSuite scans: every bubble found within 3 px (200 DPI) of where VxSuite found it.</summary>
public sealed class RealScanRegistrationTests : IDisposable
{
    private static readonly ElectionDefinition Hudson = VxSuiteImporter.ImportFile(TestPaths.Hudson("election.json"));
    private readonly PixelMemoryPool _pool = new();

    [Theory]
    [InlineData("scan-marked-front.jpeg", PageSide.Front)]
    [InlineData("scan-marked-back.jpeg", PageSide.Back)]
    [InlineData("scan-unmarked-front.jpeg", PageSide.Front)]
    [InlineData("scan-unmarked-back.jpeg", PageSide.Back)]
    public void Every_bubble_lies_within_3_px_of_the_reference(string file, PageSide side)
    {
        var registration = Register(file);
        Assert.Equal(side, registration.Identity!.Side);
        Assert.False(registration.Geometry!.UpsideDown);
        var reference = ReferenceCentres(file);
        Assert.Equal(side == PageSide.Front ? 55 : 20, reference.Count);
        foreach (var (key, expected) in reference)
        {
            var at = registration.Positions!.Single(p => Key(p.Position) == key).Center;
            var error = Distance(at, expected);
            Assert.True(error <= 3, $"{key}: ({at.X:F1}, {at.Y:F1}) is {error:F2} px from the reference ({expected.X}, {expected.Y})");
        }
    }

    [Theory]
    [InlineData("scan-marked-rotated-front.jpeg", "scan-marked-front.jpeg", PageSide.Front, true, 1.0)]
    [InlineData("scan-marked-rotated-back.jpeg", "scan-marked-back.jpeg", PageSide.Back, true, 1.0)]
    [InlineData("scan-marked-front-300dpi.jpeg", "scan-marked-front.jpeg", PageSide.Front, false, 1.5)]
    [InlineData("scan-marked-back-300dpi.jpeg", "scan-marked-back.jpeg", PageSide.Back, false, 1.5)]
    public void Rotated_and_300_dpi_scans_find_every_bubble_where_the_reference_scan_has_it(string file, string referenceFile, PageSide side, bool upsideDown, double scale)
    {
        // The same sheet fed upside down, or another sheet of the same ballot at 300 DPI (marked
        // once per contest: the fixture's note says "the same sheet", its marks and VxSuite's
        // votes for it say otherwise). Each bubble found on this scan is carried to the reference
        // scan through the timing marks alone (this scan's pixels to template coordinates, then to
        // the reference scan's pixels), which follows each pass's own skew and feed slip, and must
        // land near where VxSuite found that bubble. Two readings of marked ovals and two sets of
        // timing marks add up here: the bound is 3.25 px (200 DPI); the direct comparison above is 3.
        var registration = Register(file);
        Assert.Equal(side, registration.Identity!.Side);
        Assert.Equal(upsideDown, registration.Geometry!.UpsideDown);
        Assert.InRange(registration.Geometry.PixelsPerInch, 185 * scale, 205 * scale);
        var errors = CarriedErrors(registration, referenceFile);
        Assert.True(errors[0].Error <= 3.25, $"{file}: bubbles land up to {errors[0].Error:F2} px from the reference: " + string.Join(", ", errors.Take(6).Select(e => $"{e.Error:F2} at ({e.Where.X}, {e.Where.Y})")));
    }

    [Theory]
    [InlineData("scan-marked-front.jpeg", "scan-unmarked-front.jpeg")]
    [InlineData("scan-marked-back.jpeg", "scan-unmarked-back.jpeg")]
    [InlineData("scan-marked-rotated-front.jpeg", "scan-unmarked-front.jpeg")]
    [InlineData("scan-marked-rotated-back.jpeg", "scan-unmarked-back.jpeg")]
    [InlineData("scan-marked-front-300dpi.jpeg", "scan-unmarked-front.jpeg")]
    [InlineData("scan-marked-back-300dpi.jpeg", "scan-unmarked-back.jpeg")]
    public void Every_marked_scan_carried_onto_the_unmarked_sheet_lands_within_3_px_of_its_ovals(string file, string unmarkedFile)
    {
        // On the unmarked sheet VxSuite found each printed oval with no ink over it. Every bubble
        // found on a marked scan (either resolution, either way up) is carried through both
        // scans' timing marks onto the unmarked scan: another sheet, so the printing's own
        // tolerance from sheet to sheet is in this comparison too.
        var errors = CarriedErrors(Register(file), unmarkedFile);
        Assert.True(errors[0].Error <= 3, $"{file}: bubbles land up to {errors[0].Error:F2} px from VxSuite's ovals on the unmarked sheet: " + string.Join(", ", errors.Take(6).Select(e => $"{e.Error:F2} at ({e.Where.X}, {e.Where.Y})")));
    }

    private List<(double Error, PointF Where)> CarriedErrors(PageRegistration registration, string referenceFile)
    {
        var referenceScan = Register(referenceFile).Geometry!;
        return [.. ReferenceCentres(referenceFile).Select(r =>
        {
            var ours = registration.Positions!.Single(p => Key(p.Position) == r.Key).Center;
            return (Error: Distance(referenceScan.ToPixel(registration.Geometry!.ToGrid(ours)), r.Value), Where: r.Value);
        }).OrderByDescending(e => e.Error)];
    }

    [Fact]
    public void Geometry_inverse_returns_the_grid_point()
    {
        var geometry = Register("scan-marked-rotated-back.jpeg").Geometry!;
        foreach (var p in new[] { new GridPoint(3.5, 7.25), new GridPoint(30, 50), new GridPoint(16.8, 26.1) })
        {
            var back = geometry.ToGrid(geometry.ToPixel(p));
            Assert.InRange(back.Column, p.Column - 1e-3, p.Column + 1e-3);
            Assert.InRange(back.Row, p.Row - 1e-3, p.Row + 1e-3);
        }
    }

    private PageRegistration Register(string file)
    {
        using var image = new ImageDecoder(_pool).DecodeGrayFile(TestPaths.Hudson(file));
        var registration = new PageRegistrar(Hudson).Register(image);
        Assert.True(registration.IsRead, $"{file}: {registration.Reject}");
        return registration;
    }

    private static Dictionary<string, PointF> ReferenceCentres(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Hudson("reference-interpretation.json")));
        return json.RootElement.GetProperty(file).GetProperty("marks").EnumerateArray().ToDictionary(
            m => $"{m.GetProperty("contestId").GetString()}/{m.GetProperty("optionId").GetString()}",
            m =>
            {
                var b = m.GetProperty("bubbleBoundsPx");
                return new PointF(b.GetProperty("x").GetDouble() + (b.GetProperty("width").GetDouble() / 2), b.GetProperty("y").GetDouble() + (b.GetProperty("height").GetDouble() / 2));
            });
    }

    // VxSuite names a write-in position's option "write-in-N".
    private static string Key(VotingPosition p) => $"{p.ContestId}/{p.OptionId ?? $"write-in-{p.WriteInIndex}"}";

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    public void Dispose() => _pool.Dispose();
}
