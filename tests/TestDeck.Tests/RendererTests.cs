using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.TestDeck.Design;
using CentralCount.TestDeck.Marks;
using CentralCount.TestDeck.Rendering;
using CentralCount.TestDeck.Samples;

namespace CentralCount.TestDeck.Tests;

public sealed class RendererTests
{
    private static readonly ElectionDefinition General = BallotLayoutPlanner.Plan(MontanaSampleElections.GeneralContent());

    [Theory]
    [InlineData(200, false)]
    [InlineData(300, true)]
    public void Rendered_page_carries_a_readable_identity_and_its_whole_timing_border(int dpi, bool test)
    {
        using var pool = new PixelMemoryPool();
        var style = General.BallotStyles[3];
        using var page = new BallotRenderer(General, pool).Render(style, 2, PageSide.Back, new RenderOptions(dpi, test));
        Assert.Equal((int)(8.5 * dpi), page.Width);
        var geometry = new TemplateGeometry(General.PageFormat(style.PageFormatId), dpi);
        var qr = QrCodes.Decode(page, geometry.Pixels(geometry.Format.IdentityArea!.Value));
        Assert.NotNull(qr);
        Assert.Equal(new PageIdentity(General.Hash.Prefix, style.Id, 2, PageSide.Back, test), PageIdentity.TryParse(qr.Text));
        var grid = geometry.Format.Grid;
        var markArea = geometry.Px(grid.MarkWidthInches) * geometry.Px(grid.MarkHeightInches);
        var marks = DarkComponents.FindAll(page, new PixelRect(0, 0, page.Width, (int)geometry.Px(0.4)), 128).Count(c => Math.Abs(c.Area - markArea) < markArea * 0.2);
        Assert.Equal(grid.Columns, marks);
    }

    [Fact]
    public void Every_mark_kind_puts_ink_near_its_target()
    {
        var style = General.BallotStyles[0];
        var layout = style.Page(1, PageSide.Front);
        var position = layout.Positions.First(p => p.IsWriteIn);
        var option = layout.Positions.First(p => !p.IsWriteIn);
        var geometry = new TemplateGeometry(General.PageFormat(style.PageFormatId), 200);
        foreach (var kind in Enum.GetValues<MarkKind>())
        {
            var target = kind == MarkKind.Handwriting ? position : option;
            using var blank = PixelImage.Create(geometry.WidthPx, geometry.HeightPx, PixelLayout.Gray8, fill: 255);
            var mark = new MarkTarget(geometry.Pixel(target.Center), geometry.Px(0.19), geometry.Px(0.12),
                target.LabelArea is { } l ? geometry.Pixels(l) : null, target.WriteInArea is { } w ? geometry.Pixels(w) : null, 200);
            MarkPainter.Paint(new Canvas(blank), mark, kind, Ink.BluePen, new Random(3));
            var ink = DarkComponents.FindAll(blank, PixelRect.Of(blank), 250);
            Assert.True(ink.Count > 0, $"{kind} drew nothing");
            var center = geometry.Pixel(target.Center);
            Assert.All(ink, c => Assert.True(Math.Abs(c.CenterX - center.X) < geometry.Px(2.6) && Math.Abs(c.CenterY - center.Y) < geometry.Px(0.5), $"{kind} drew far away"));
        }
    }

    [Fact]
    public void Identity_payload_round_trips_and_rejects_foreign_text()
    {
        var identity = new PageIdentity("0123456789ab", "style-p-04", 2, PageSide.Front, IsTest: true);
        Assert.Equal(identity, PageIdentity.TryParse(identity.Encode()));
        Assert.Null(PageIdentity.TryParse("https://example.org"));
        Assert.Null(PageIdentity.TryParse("CC1|abc|style|0|F|L"));
        var withPrecinct = identity with { PrecinctId = "p-02" };
        Assert.Equal("CC1|0123456789ab|style-p-04|2|F|T|p-02", withPrecinct.Encode());
        Assert.Equal(withPrecinct, PageIdentity.TryParse(withPrecinct.Encode()));
        Assert.Null(PageIdentity.TryParse("CC1|abc|style|1|F|L|"));
        Assert.Null(PageIdentity.TryParse("CC1|abc|style|1|F|L|p-01|x"));
    }
}
