using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Interpretation;

/// <summary>
/// Where the blank ballot already has print near each position (names, rules, the oval itself),
/// on the same cell grid the evidence is sampled on, widened by a pixel or two so registration's last
/// pixel of error never turns print into voter ink. Built once per ballot page.
/// </summary>
public sealed class BlankReference
{
    private readonly byte[][] _masks;
    private readonly byte[][] _print;

    private BlankReference(byte[][] masks, byte[][] print, bool rendered)
    {
        _masks = masks;
        _print = print;
        IsRendered = rendered;
    }

    /// <summary>True when built from a blank image of the page; false when only the printed oval is known.</summary>
    public bool IsRendered { get; }

    /// <summary>Cells near print (1), where voter ink cannot be told from it.</summary>
    public ReadOnlySpan<byte> Mask(int position) => _masks[position];

    /// <summary>Cells whose centre is print (1), for how dark the blank is over an area.</summary>
    public ReadOnlySpan<byte> Print(int position) => _print[position];

    /// <summary>From a blank image of the page and the frame of each position on it.</summary>
    public static BlankReference FromImage(PixelImage blank, IReadOnlyList<EvidenceZone> zones, IReadOnlyList<PositionFrame> frames, int printDarkness)
    {
        ArgumentNullException.ThrowIfNull(blank);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(frames);
        var masks = new byte[zones.Count][];
        var prints = new byte[zones.Count][];
        for (var i = 0; i < zones.Count; i++)
        {
            var z = zones[i];
            var f = frames[i];
            var (cols, rows) = (z.Columns, z.Rows);
            var raw = new byte[cols * rows];
            var print = new byte[cols * rows];
            var half = (int)Math.Ceiling(EvidenceZone.CellInches * f.PixelsPerInch / 2) + 1;
            var paper = 255 - printDarkness;
            for (var r = 0; r < rows; r++)
            {
                var dy = z.Zone.Top + ((r + 0.5) * EvidenceZone.CellInches);
                for (var c = 0; c < cols; c++)
                {
                    var p = f.ToPixel(z.Zone.Left + ((c + 0.5) * EvidenceZone.CellInches), dy);
                    var (x, y) = ((int)Math.Round(p.X), (int)Math.Round(p.Y));
                    raw[(r * cols) + c] = (byte)(DarkestNear(blank, x, y, half) < paper ? 1 : 0);
                    print[(r * cols) + c] = (byte)(DarkestNear(blank, x, y, 0) < paper ? 1 : 0);
                }
            }

            masks[i] = raw;
            prints[i] = print;
        }

        return new BlankReference(masks, prints, rendered: true);
    }

    /// <summary>Only the printed oval: for layouts without a blank image (the zones then stay close to the oval).</summary>
    public static BlankReference OvalOnly(IReadOnlyList<EvidenceZone> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var masks = new byte[zones.Count][];
        for (var i = 0; i < zones.Count; i++)
        {
            var z = zones[i];
            var (cols, rows) = (z.Columns, z.Rows);
            var mask = new byte[cols * rows];
            for (var r = 0; r < rows; r++)
            {
                var v = (z.Zone.Top + ((r + 0.5) * EvidenceZone.CellInches)) / z.Ry;
                for (var c = 0; c < cols; c++)
                {
                    var u = (z.Zone.Left + ((c + 0.5) * EvidenceZone.CellInches)) / z.Rx;
                    var r2 = (u * u) + (v * v);
                    mask[(r * cols) + c] = (byte)(r2 is > 0.6 and < 1.6 ? 1 : 0);
                }
            }

            masks[i] = mask;
        }

        return new BlankReference(masks, masks, rendered: false);
    }

    private static int DarkestNear(PixelImage image, int x, int y, int half)
    {
        var darkest = 255;
        for (var yy = Math.Max(0, y - half); yy <= Math.Min(image.Height - 1, y + half); yy++)
        {
            var row = image.Row(yy);
            for (var xx = Math.Max(0, x - half); xx <= Math.Min(image.Width - 1, x + half); xx++)
            {
                darkest = Math.Min(darkest, row[xx]);
            }
        }

        return darkest;
    }
}
