using CentralCount.Imaging;

namespace CentralCount.Cli.Commands;

/// <summary>A legal-size 200-DPI page with a timing-mark border, an identity QR code and some ovals.</summary>
internal static class SamplePage
{
    private const int Width = 1700;
    private const int Height = 2800;
    private const int Columns = 34;
    private const int Rows = 53;
    private const int Margin = 40;
    private const int MarkWidth = 30;
    private const int MarkHeight = 12;

    /// <summary>Marks on the top and bottom rows plus the left and right columns (corners counted once).</summary>
    public static int TimingMarkCount => (2 * Columns) + (2 * (Rows - 2));

    public static PixelRect QrRegion => new(Width - 400, 80, 320, 320);

    public static PixelImage Draw(string identity)
    {
        var page = PixelImage.Create(Width, Height, PixelLayout.Gray8, fill: 255);
        var canvas = new Canvas(page);
        foreach (var (x, y) in MarkCenters())
        {
            canvas.FillRectangle(new PixelRect((int)(x - (MarkWidth / 2.0)), (int)(y - (MarkHeight / 2.0)), MarkWidth, MarkHeight), PixelColor.Black);
        }

        var modules = QrCodes.Encode(identity);
        const int Module = 6;
        for (var r = 0; r < modules.Side; r++)
        {
            for (var c = 0; c < modules.Side; c++)
            {
                if (modules.IsDark(c, r))
                {
                    canvas.FillRectangle(new PixelRect(QrRegion.X + 40 + (c * Module), QrRegion.Y + 40 + (r * Module), Module, Module), PixelColor.Black);
                }
            }
        }

        canvas.Text("OFFICIAL BALLOT - SAMPLE", new PointF(120, 160), HersheyFont.Duplex, 1.6, PixelColor.Black, 2);
        for (var i = 0; i < 8; i++)
        {
            var y = 400 + (i * 110);
            canvas.Ellipse(new PointF(200, y), 20, 13, PixelColor.Black, 2);
            if (i % 3 == 0)
            {
                canvas.Ellipse(new PointF(200, y), 17, 10, PixelColor.Gray(30), -1);
            }

            canvas.Text($"Candidate {(char)('A' + i)}", new PointF(250, y + 10), HersheyFont.Simplex, 1.0, PixelColor.Black, 2);
        }

        return page;
    }

    public static int CountTimingMarks(PixelImage page)
    {
        var border = 0;
        foreach (var strip in new[] { new PixelRect(0, 0, Width, 80), new PixelRect(0, Height - 80, Width, 80), new PixelRect(0, 80, 100, Height - 160), new PixelRect(Width - 100, 80, 100, Height - 160) })
        {
            border += DarkComponents.FindAll(page, strip, 128).Count(c => c.Area > MarkWidth * MarkHeight / 2 && c.Area < MarkWidth * MarkHeight * 2);
        }

        return border;
    }

    private static IEnumerable<(double X, double Y)> MarkCenters()
    {
        var dx = (Width - (2.0 * Margin)) / (Columns - 1);
        var dy = (Height - (2.0 * Margin)) / (Rows - 1);
        for (var c = 0; c < Columns; c++)
        {
            yield return (Margin + (c * dx), Margin);
            yield return (Margin + (c * dx), Height - Margin);
        }

        for (var r = 1; r < Rows - 1; r++)
        {
            yield return (Margin, Margin + (r * dy));
            yield return (Width - Margin, Margin + (r * dy));
        }
    }
}
