using System.Buffers;
using System.Runtime.Intrinsics;
using CentralCount.Imaging;

namespace CentralCount.TestDeck.Scanning;

/// <summary>A simulated scan: the encoded file and where each template pixel ended up.</summary>
public sealed record SimulatedScan(byte[] Bytes, ScanFormat Format, PageWarp Warp);

/// <summary>
/// Turns a rendered (and marked) page into what a central-count scanner writes: grey,
/// distorted, noisy, maybe streaked or folded, encoded as JPEG, PNG or 1-bit G4 TIFF.
/// </summary>
public sealed class ScannerSimulator(PixelMemoryPool pool)
{
    private const int NoiseTile = 509; // prime, so the tile's repeat does not line up with the timing grid
    private readonly Dictionary<int, (byte[] Up, byte[] Down)> _noise = [];

    public SimulatedScan Scan(PixelImage page, ScanSettings settings, Random random, Func<(int Column, int Row), PixelRect>? markBounds = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        using var grey = ToGrey(page);
        if (markBounds is not null)
        {
            var canvas = new Canvas(grey);
            foreach (var mark in settings.MissingMarks)
            {
                var r = markBounds(mark);
                canvas.FillRectangle(new PixelRect(r.X - 2, r.Y - 2, r.Width + 4, r.Height + 4), PixelColor.White);
            }
        }

        if (settings.KeepHeight < 1.0)
        {
            var keep = (int)(grey.Height * settings.KeepHeight);
            new Canvas(grey).FillRectangle(new PixelRect(0, keep, grey.Width, grey.Height - keep), PixelColor.Gray(settings.Background));
        }

        var warp = new PageWarp(grey.Width, grey.Height, settings);
        using var scanned = PixelImage.Create(warp.OutputWidth, warp.OutputHeight, PixelLayout.Gray8, pool);
        Resample(grey, scanned, warp, settings.Background);
        using var output = settings.BlurSigma > 0 ? Blurred(scanned, settings.BlurSigma) : null;
        var final = output ?? scanned;
        AddFolds(final, settings);
        AddStreaks(final, settings);
        AddNoise(final, settings.Noise, random);
        var bytes = settings.Format switch
        {
            ScanFormat.Png => ImageEncoder.EncodePng(final),
            ScanFormat.Jpeg => ImageEncoder.EncodeJpeg(final, settings.JpegQuality),
            ScanFormat.TiffG4 => ImageEncoder.EncodeTiffBilevel(final, settings.BilevelThreshold, BilevelCompression.G4),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Format, "unknown format"),
        };
        return new SimulatedScan(bytes, settings.Format, warp);
    }

    private PixelImage ToGrey(PixelImage page)
    {
        if (page.Layout == PixelLayout.Gray8)
        {
            return page.Clone();
        }

        var grey = PixelImage.Create(page.Width, page.Height, PixelLayout.Gray8, pool);
        ImageTransforms.ToGray(page, grey);
        return grey;
    }

    private static void Resample(PixelImage source, PixelImage destination, PageWarp warp, byte background)
    {
        if (warp.IsAffine)
        {
            ImageTransforms.WarpAffine(source, destination, warp.AffineMatrix(), Interpolation.Linear, background);
            return;
        }

        var cells = destination.Width * destination.Height;
        var mapX = ArrayPool<float>.Shared.Rent(cells);
        var mapY = ArrayPool<float>.Shared.Rent(cells);
        try
        {
            warp.FillMaps(mapX.AsSpan(0, cells), mapY.AsSpan(0, cells));
            ImageTransforms.Remap(source, destination, mapX.AsSpan(0, cells), mapY.AsSpan(0, cells), Interpolation.Linear, background);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(mapX);
            ArrayPool<float>.Shared.Return(mapY);
        }
    }

    private PixelImage Blurred(PixelImage image, double sigma)
    {
        var blurred = PixelImage.Create(image.Width, image.Height, PixelLayout.Gray8, pool);
        ImageTransforms.GaussianBlur(image, blurred, sigma);
        return blurred;
    }

    private static void AddFolds(PixelImage image, ScanSettings settings)
    {
        foreach (var fold in settings.Folds)
        {
            // A crease: a thin dark valley with a bright ridge beside it, slightly tilted.
            var y0 = fold * image.Height;
            var tilt = 0.004;
            for (var x = 0; x < image.Width; x++)
            {
                var yc = y0 + ((x - (image.Width / 2.0)) * tilt);
                for (var dy = -4; dy <= 4; dy++)
                {
                    var y = (int)Math.Round(yc) + dy;
                    if ((uint)y >= (uint)image.Height)
                    {
                        continue;
                    }

                    var row = image.Row(y);
                    var delta = dy switch { 0 => -70, -1 or 1 => -35, 2 or 3 => 12, _ => 0 };
                    row[x] = (byte)Math.Clamp(row[x] + delta, 0, 255);
                }
            }
        }
    }

    private static void AddStreaks(PixelImage image, ScanSettings settings)
    {
        foreach (var column in settings.StreakColumns)
        {
            for (var y = 0; y < image.Height; y++)
            {
                var row = image.Row(y);
                for (var x = column; x < Math.Min(image.Width, column + 3); x++)
                {
                    if (x >= 0)
                    {
                        row[x] = Math.Min(row[x], settings.StreakValue);
                    }
                }
            }
        }
    }

    private void AddNoise(PixelImage image, double sigma, Random random)
    {
        var level = (int)Math.Round(sigma);
        if (level <= 0)
        {
            return;
        }

        // One tile of Gaussian noise per level, split into its positive and negative parts so
        // it is applied with saturating vector adds; laid at a random offset on each page.
        if (!_noise.TryGetValue(level, out var tile))
        {
            tile = NoiseTiles(level);
            _noise[level] = tile;
        }

        var offsetX = random.Next(NoiseTile);
        var offsetY = random.Next(NoiseTile);
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            var start = ((y + offsetY) % NoiseTile) * NoiseTile;
            var x = 0;
            var t = offsetX;
            while (x < row.Length)
            {
                var run = Math.Min(row.Length - x, NoiseTile - t);
                AddSaturating(row.Slice(x, run), tile.Up.AsSpan(start + t, run), tile.Down.AsSpan(start + t, run));
                x += run;
                t = 0;
            }
        }
    }

    private static void AddSaturating(Span<byte> pixels, ReadOnlySpan<byte> up, ReadOnlySpan<byte> down)
    {
        var i = 0;
        for (; i + Vector256<byte>.Count <= pixels.Length; i += Vector256<byte>.Count)
        {
            var v = Vector256.Create<byte>(pixels.Slice(i, Vector256<byte>.Count));
            v = Vector256.SubtractSaturate(Vector256.AddSaturate(v, Vector256.Create(up.Slice(i, Vector256<byte>.Count))), Vector256.Create(down.Slice(i, Vector256<byte>.Count)));
            v.CopyTo(pixels.Slice(i, Vector256<byte>.Count));
        }

        for (; i < pixels.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(pixels[i] + up[i] - down[i], 0, 255);
        }
    }

    private static (byte[] Up, byte[] Down) NoiseTiles(int sigma)
    {
        var random = new Random(NoiseTile * sigma);
        var up = new byte[NoiseTile * NoiseTile];
        var down = new byte[NoiseTile * NoiseTile];
        for (var i = 0; i < up.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var value = (int)Math.Round(sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            up[i] = (byte)Math.Clamp(value, 0, 255);
            down[i] = (byte)Math.Clamp(-value, 0, 255);
        }

        return (up, down);
    }
}
