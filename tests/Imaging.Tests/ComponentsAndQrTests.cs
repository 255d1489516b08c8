namespace CentralCount.Imaging.Tests;

public sealed class ComponentsAndQrTests
{
    [Fact]
    public void Dark_components_report_bounds_area_and_centroid_in_image_coordinates()
    {
        using var image = PixelImage.Create(300, 200, PixelLayout.Gray8, fill: 255);
        var canvas = new Canvas(image);
        canvas.FillRectangle(new PixelRect(10, 20, 30, 10), PixelColor.Black);
        canvas.FillRectangle(new PixelRect(200, 150, 5, 40), PixelColor.Gray(60));
        canvas.FillRectangle(new PixelRect(100, 100, 8, 8), PixelColor.Gray(200)); // too light

        var all = DarkComponents.FindAll(image, PixelRect.Of(image), threshold: 128);
        Assert.Equal(2, all.Count);
        Assert.Contains(all, c => c.Bounds == new PixelRect(10, 20, 30, 10) && c.Area == 300 && Math.Abs(c.CenterX - 24.5) < 1e-9);
        Assert.Contains(all, c => c.Bounds == new PixelRect(200, 150, 5, 40) && c.Area == 200);

        var inRegion = DarkComponents.FindAll(image, new PixelRect(150, 100, 150, 100), threshold: 128);
        Assert.Equal(new PixelRect(200, 150, 5, 40), Assert.Single(inRegion).Bounds);
    }

    [Theory]
    [InlineData(301, 201)]
    [InlineData(300, 200)]
    [InlineData(299, 203)]
    public void Components_found_shrunk_come_back_in_full_size_coordinates_whatever_the_region_size(int width, int height)
    {
        using var image = PixelImage.Create(320, 220, PixelLayout.Gray8, fill: 255);
        new Canvas(image).FillRectangle(new PixelRect(40, 60, 38, 12), PixelColor.Black);

        Span<DarkComponent> found = new DarkComponent[8];
        Assert.Equal(1, DarkComponents.Find(image, new PixelRect(3, 5, width, height), 128, found, shrink: 2));
        var bar = found[0];
        Assert.InRange(bar.CenterX, 58, 60);
        Assert.InRange(bar.CenterY, 65, 67);
        // Blocks half covered by the bar fall either side of the threshold, so a pixel or two of its edge may go.
        Assert.InRange(bar.Area, 38 * 12 * 0.7, 38 * 12 * 1.2);
        Assert.InRange(bar.Bounds.X, 38, 41);
        Assert.InRange(bar.Bounds.Width, 36, 42);
    }

    [Fact]
    public void Components_beyond_capacity_are_counted_but_not_written()
    {
        using var image = PixelImage.Create(200, 20, PixelLayout.Gray8, fill: 255);
        for (var i = 0; i < 10; i++)
        {
            new Canvas(image).FillRectangle(new PixelRect(i * 20, 5, 5, 5), PixelColor.Black);
        }

        Span<DarkComponent> few = new DarkComponent[4];
        Assert.Equal(10, DarkComponents.Find(image, PixelRect.Of(image), 128, few));
        Assert.Equal(5, few[3].Bounds.Width);
    }

    [Fact]
    public void A_skewed_code_with_small_modules_is_read_at_full_size()
    {
        // The identity area of a generated sheet within specification (4.6° of skew, 98% scale,
        // noise): at full size zbar misses it on every second line and finds it on every line.
        using var pool = new PixelMemoryPool();
        using var image = new ImageDecoder(pool).DecodeGrayFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "qr-skewed-small-modules.png"));

        var reading = QrCodes.Decode(image, PixelRect.Of(image), shrink: 1);

        Assert.NotNull(reading);
        Assert.StartsWith("CC1|", reading.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CC1|e3b0c44298fc|style-3|s1|front|live")]
    [InlineData("a")]
    public void Qr_codes_round_trip_through_drawing_and_decoding(string payload)
    {
        var modules = QrCodes.Encode(payload, QrCorrection.Medium);
        Assert.InRange(modules.Side, 21, 177);
        const int Scale = 6;
        var size = (modules.Side + 8) * Scale;
        using var image = PixelImage.Create(size + 200, size + 100, PixelLayout.Gray8, fill: 255);
        var canvas = new Canvas(image);
        for (var r = 0; r < modules.Side; r++)
        {
            for (var c = 0; c < modules.Side; c++)
            {
                if (modules.IsDark(c, r))
                {
                    canvas.FillRectangle(new PixelRect(150 + ((c + 4) * Scale), 50 + ((r + 4) * Scale), Scale, Scale), PixelColor.Black);
                }
            }
        }

        var reading = QrCodes.Decode(image, new PixelRect(100, 0, size + 100, size + 100));
        Assert.NotNull(reading);
        Assert.Equal(payload, reading.Text);
        Assert.All(reading.Corners, p => Assert.InRange(p.X, 150, 150 + size));
    }

    [Fact]
    public void Blank_region_has_no_qr_code()
    {
        using var image = PixelImage.Create(200, 200, PixelLayout.Gray8, fill: 255);
        Assert.Null(QrCodes.Decode(image, PixelRect.Of(image)));
    }
}
