using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Registration;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Samples;
using CentralCount.TestDeck.Scanning;

namespace CentralCount.MarkInterpreter.Tests;

/// <summary>Reading a page's identity code by matching its modules against the codes the election's ballots carry.</summary>
public sealed class IdentityCodebookTests : IDisposable
{
    private static readonly ElectionDefinition General = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());
    private static readonly IdentityCodebook Codebook = IdentityCodebook.For(General, General.PageFormats[0])!;
    private readonly PixelMemoryPool _pool = new();

    [Theory]
    [InlineData(0, 1, PageSide.Front, 4.6, 1.0, false, ScanFormat.Jpeg, 0.0)]
    [InlineData(1, 1, PageSide.Back, -4.8, 0.98, true, ScanFormat.Jpeg, 0.9)]
    [InlineData(3, 2, PageSide.Front, 2.5, 1.02, false, ScanFormat.TiffG4, 0.0)]
    [InlineData(3, 2, PageSide.Back, -3.1, 1.01, true, ScanFormat.TiffG4, 0.6)]
    [InlineData(2, 1, PageSide.Front, 0.3, 0.985, true, ScanFormat.Png, 1.2)]
    public void Every_page_scanned_within_specification_reads_as_its_own_code(int style, int sheet, PageSide side, double skew, double scale, bool upsideDown, ScanFormat format, double blur)
    {
        var ballot = General.BallotStyles[style];
        var settings = new ScanSettings { SkewDegrees = skew, Scale = scale, UpsideDown = upsideDown, Format = format, BlurSigma = blur, Noise = 4, JpegQuality = 70 };
        var (image, geometry) = Scan(ballot, sheet, side, new RenderOptions(), settings);
        using (image)
        {
            var expected = new PageIdentity(General.Hash.Prefix, ballot.Id, sheet, side, false).Encode();
            Assert.Equal(expected, Codebook.Read(image, geometry));
        }
    }

    [Fact]
    public void A_test_ballot_reads_as_the_test_code()
    {
        var (image, geometry) = Scan(General.BallotStyles[1], 1, PageSide.Front, new RenderOptions(TestBallot: true), new ScanSettings { SkewDegrees = 1 });
        using (image)
        {
            Assert.Equal(new PageIdentity(General.Hash.Prefix, General.BallotStyles[1].Id, 1, PageSide.Front, true).Encode(), Codebook.Read(image, geometry));
        }
    }

    [Fact]
    public void Another_elections_code_matches_none_of_the_book_and_is_left_to_the_general_reader()
    {
        var other = General with { Hash = ElectionHash.Of("a different definition"u8) };
        using var page = new BallotRenderer(other, _pool).Render(General.BallotStyles[0], 1, PageSide.Front, new RenderOptions());
        var geometry = new PageRegistrar(other).Register(page).Geometry!;
        Assert.Null(Codebook.Read(page, geometry));
        Assert.Equal(RejectReason.WrongElection, new PageRegistrar(General).Register(page).Reject!.Reason);
    }

    [Fact]
    public void A_stroke_across_a_few_modules_still_reads_but_a_code_half_covered_does_not()
    {
        using var page = new BallotRenderer(General, _pool).Render(General.BallotStyles[0], 1, PageSide.Front, new RenderOptions());
        var geometry = new PageRegistrar(General).Register(page).Geometry!;
        var area = General.PageFormats[0].IdentityArea!.Value;
        var centre = geometry.ToPixel(new GridPoint((area.Left + area.Right) / 2, (area.Top + area.Bottom) / 2));
        var corner = geometry.ToPixel(new GridPoint(area.Left, area.Top));
        var canvas = new Canvas(page);
        canvas.Line(new PointF(corner.X, centre.Y), new PointF(centre.X, centre.Y), PixelColor.Black, 3);
        Assert.Equal(new PageIdentity(General.Hash.Prefix, General.BallotStyles[0].Id, 1, PageSide.Front, false).Encode(), Codebook.Read(page, geometry));

        var half = (int)(2 * (centre.Y - corner.Y));
        canvas.FillRectangle(new PixelRect((int)corner.X, (int)corner.Y, (int)(centre.X - corner.X), half), PixelColor.Black);
        Assert.Null(Codebook.Read(page, geometry));
    }

    private (PixelImage Image, PageGeometry Geometry) Scan(BallotStyle style, int sheet, PageSide side, RenderOptions options, ScanSettings settings)
    {
        using var rendered = new BallotRenderer(General, _pool).Render(style, sheet, side, options);
        var scan = new ScannerSimulator(_pool).Scan(rendered, settings, new Random(7));
        var image = new ImageDecoder(_pool).DecodeGray(scan.Bytes, "page");
        var registration = new PageRegistrar(General, RegistrationSettings.Default with { TestCount = options.TestBallot }).Register(image);
        Assert.True(registration.IsRead, $"{style.Id} {sheet} {side}: {registration.Reject}");
        return (image, registration.Geometry!);
    }

    public void Dispose() => _pool.Dispose();
}
