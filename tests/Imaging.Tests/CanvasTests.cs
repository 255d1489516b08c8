namespace CentralCount.Imaging.Tests;

public sealed class CanvasTests
{
    [Fact]
    public void Filled_ellipse_darkens_its_inside_and_not_its_outside()
    {
        using var image = PixelImage.Create(100, 100, PixelLayout.Gray8, fill: 255);
        new Canvas(image).Ellipse(new PointF(50.5, 50.5), 20, 10, PixelColor.Black, thickness: -1);
        Assert.Equal(0, image.GrayAt(50, 50));
        Assert.Equal(0, image.GrayAt(65, 50));
        Assert.Equal(255, image.GrayAt(50, 65));
        Assert.Equal(255, image.GrayAt(75, 50));
    }

    [Fact]
    public void Antialiased_line_has_grey_edges_and_a_dark_core()
    {
        using var image = PixelImage.Create(100, 100, PixelLayout.Gray8, fill: 255);
        new Canvas(image).Line(new PointF(10, 10.5), new PointF(90, 60.25), PixelColor.Black, thickness: 3);
        var values = image.Pixels.ToArray();
        Assert.Contains(values, v => v < 30);
        Assert.Contains(values, v => v is > 60 and < 200);
    }

    [Fact]
    public void Polygon_and_polyline_draw_where_asked()
    {
        using var image = PixelImage.Create(100, 100, PixelLayout.Gray8, fill: 255);
        var canvas = new Canvas(image);
        canvas.FillPolygon([new(10, 10), new(40, 10), new(10, 40)], PixelColor.Black);
        canvas.Polyline([new(60, 60), new(90, 60), new(90, 90)], PixelColor.Black, 2);
        Assert.Equal(0, image.GrayAt(15, 15));
        Assert.Equal(255, image.GrayAt(35, 35));
        Assert.True(image.GrayAt(75, 60) < 64);
        Assert.True(image.GrayAt(90, 75) < 64);
    }

    [Fact]
    public void Text_is_drawn_within_its_measured_box()
    {
        using var image = PixelImage.Create(400, 100, PixelLayout.Gray8, fill: 255);
        var (width, height, _) = Canvas.MeasureText("Jane Doe", HersheyFont.Simplex, 1.0, 2);
        Assert.InRange(width, 60, 300);
        new Canvas(image).Text("Jane Doe", new PointF(20, 60), HersheyFont.Simplex, 1.0, PixelColor.Black, 2);
        var inside = DarkComponents.FindAll(image, new PixelRect(15, 60 - height - 4, width + 10, height + 12), 128);
        var everywhere = DarkComponents.FindAll(image, PixelRect.Of(image), 128);
        Assert.NotEmpty(everywhere);
        Assert.Equal(everywhere.Sum(c => c.Area), inside.Sum(c => c.Area));
    }

    [Fact]
    public void Colour_canvas_keeps_channels_and_grey_canvas_uses_luma()
    {
        var blue = new PixelColor(30, 60, 200);
        using var colour = PixelImage.Create(10, 10, PixelLayout.Bgr24, fill: 255);
        new Canvas(colour).FillRectangle(new PixelRect(0, 0, 5, 5), blue);
        Assert.Equal(new byte[] { 200, 60, 30 }, colour.Row(1)[3..6].ToArray());

        using var grey = PixelImage.Create(10, 10, PixelLayout.Gray8, fill: 255);
        new Canvas(grey).FillRectangle(new PixelRect(0, 0, 5, 5), blue);
        Assert.Equal(blue.Luma, grey.GrayAt(2, 2));

        using var converted = PixelImage.Create(10, 10, PixelLayout.Gray8);
        ImageTransforms.ToGray(colour, converted);
        Assert.InRange(converted.GrayAt(2, 2), blue.Luma - 1, blue.Luma + 1);
    }

    [Fact]
    public void Warp_affine_moves_content_by_the_matrix()
    {
        using var source = PixelImage.Create(100, 100, PixelLayout.Gray8, fill: 255);
        new Canvas(source).FillRectangle(new PixelRect(20, 20, 10, 10), PixelColor.Black);
        using var moved = PixelImage.Create(100, 100, PixelLayout.Gray8);
        ImageTransforms.WarpAffine(source, moved, [1, 0, 30, 0, 1, 5]);
        var blob = Assert.Single(DarkComponents.FindAll(moved, PixelRect.Of(moved), 128));
        Assert.Equal(new PixelRect(50, 25, 10, 10), blob.Bounds);
    }

    [Fact]
    public void Disposed_image_refuses_access()
    {
        var image = PixelImage.Create(10, 10, PixelLayout.Gray8);
        image.Dispose();
        Assert.Throws<ObjectDisposedException>(() => image.Row(0));
        image.Dispose();
    }
}
