using CentralCount.Adjudication.Queue;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.Imaging;

namespace CentralCount.Adjudication.Images;

/// <summary>A position drawn on a crop: the machine's reading and where its oval (and write-in area) sit in the crop's pixels.</summary>
public sealed record CropPosition(ReadPosition Reading, double X, double Y, double RadiusX, double RadiusY, PixelRect? WriteInArea);

/// <summary>Where a contest sits in a stored image: the rectangle to cut, whether to turn it upright, and its positions in the crop's pixels.</summary>
public sealed record CropPlan(string ImagePath, PixelRect Rect, bool UpsideDown, IReadOnlyList<CropPosition> Positions);

/// <summary>
/// Cuts a contest out of the stored page image for the board. The contest's printed box is mapped
/// from the layout to the image through a similarity fitted to the positions' located centres,
/// so a skewed, shifted or upside-down sheet is cut where the contest really is; an upside-down
/// page is turned upright. The plan needs only the image's header; pixels are decoded when the
/// crop itself is asked for. Only the board's crops are cut, never on the scanning hot path.
/// </summary>
public static class ContestCrop
{
    private const double MarginInches = 0.12;

    public static CropPlan Plan(ElectionDefinition election, QueueItem item, string imagesFolder, ImageDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(decoder);
        var style = (item.StyleId is null ? null : election.FindStyle(item.StyleId)) ?? throw new InvalidDataException($"sheet {item.BatchId}#{item.Seq}: unknown style {item.StyleId}");
        var format = election.PageFormat(style.PageFormatId);
        var (page, positions) = PageOf(style, item);
        var path = ImagePath(item, item.Positions.Count > 0 ? item.Positions[0].File : 0, imagesFolder);
        var header = ReadHeader(path, decoder);

        var pairs = positions.Select(p => (Inches: format.Grid.ToInches(p.Layout.Center), p.Reading)).ToList();
        var map = PageMap.Fit([.. pairs.Select(p => (p.Inches, p.Reading.X, p.Reading.Y))], header.Width / format.WidthInches);
        var box = page.ContestBoxes.FirstOrDefault(b => b.ContestId == item.Key.ContestId)?.Bounds;
        var corners = box is { } b
            ? new[] { new GridPoint(b.Left, b.Top), new GridPoint(b.Right, b.Top), new GridPoint(b.Left, b.Bottom), new GridPoint(b.Right, b.Bottom) }.Select(format.Grid.ToInches).ToList()
            : [.. pairs.Select(p => p.Inches)];
        var margin = MarginInches * map.Scale;
        var pixels = corners.Select(map.ToPixel).ToList();
        var left = Math.Clamp((int)Math.Floor(pixels.Min(p => p.X) - margin), 0, header.Width - 1);
        var top = Math.Clamp((int)Math.Floor(pixels.Min(p => p.Y) - margin), 0, header.Height - 1);
        var right = Math.Clamp((int)Math.Ceiling(pixels.Max(p => p.X) + margin), left + 1, header.Width);
        var bottom = Math.Clamp((int)Math.Ceiling(pixels.Max(p => p.Y) + margin), top + 1, header.Height);
        var upsideDown = map.UpsideDown;

        (double X, double Y) Local((double X, double Y) p) => upsideDown ? (right - p.X, bottom - p.Y) : (p.X - left, p.Y - top);
        var rx = (format.BubbleWidthInches / 2 * map.Scale) + 4;
        var ry = (format.BubbleHeightInches / 2 * map.Scale) + 4;
        var drawn = positions.Select(p =>
        {
            var (x, y) = Local((p.Reading.X, p.Reading.Y));
            PixelRect? area = null;
            if (p.Layout.WriteInArea is { } wa)
            {
                var (ax, ay) = Local(map.ToPixel(format.Grid.ToInches(new GridPoint(wa.Left, wa.Top))));
                var (cx, cy) = Local(map.ToPixel(format.Grid.ToInches(new GridPoint(wa.Right, wa.Bottom))));
                area = new PixelRect((int)Math.Min(ax, cx), (int)Math.Min(ay, cy), (int)Math.Abs(cx - ax), (int)Math.Abs(cy - ay));
            }

            return new CropPosition(p.Reading, Math.Round(x, 1), Math.Round(y, 1), Math.Round(rx, 1), Math.Round(ry, 1), area);
        }).ToList();
        return new CropPlan(path, new PixelRect(left, top, right - left, bottom - top), upsideDown, drawn);
    }

    // The header sits in the first bytes of PNG and JPEG files; a TIFF may keep it further on, so the whole file is the fallback.
    private static ImageHeader ReadHeader(string path, ImageDecoder decoder)
    {
        using (var file = File.OpenRead(path))
        {
            var start = new byte[(int)Math.Min(file.Length, 64 * 1024)];
            file.ReadExactly(start);
            try
            {
                return decoder.ReadHeader(start, path);
            }
            catch (ImagingException) when (start.Length < file.Length)
            {
            }
        }

        return decoder.ReadHeader(File.ReadAllBytes(path), path);
    }

    /// <summary>The planned crop as PNG, upright.</summary>
    public static byte[] Render(CropPlan plan, ImageDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(decoder);
        using var image = decoder.DecodeGrayFile(plan.ImagePath);
        var r = plan.Rect;
        var (w, h) = (Math.Min(r.Width, image.Width - r.X), Math.Min(r.Height, image.Height - r.Y));
        using var crop = PixelImage.Create(w, h, PixelLayout.Gray8);
        Copy(image, r.X, r.Y, crop, plan.UpsideDown);
        return ImageEncoder.EncodePng(crop);
    }

    /// <summary>The whole page of one of the sheet's files, upright, as JPEG, for the board's "whole page" view.</summary>
    public static byte[] WholePage(string path, bool upsideDown, ImageDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        using var image = decoder.DecodeGrayFile(path);
        if (!upsideDown)
        {
            return ImageEncoder.EncodeJpeg(image, 85);
        }

        using var turned = PixelImage.Create(image.Width, image.Height, PixelLayout.Gray8);
        Copy(image, 0, 0, turned, upsideDown: true);
        return ImageEncoder.EncodeJpeg(turned, 85);
    }

    /// <summary>The kept image of one of the item's sheet files (0 front, 1 back as fed).</summary>
    public static string ImagePath(QueueItem item, int file, string imagesFolder)
    {
        ArgumentNullException.ThrowIfNull(item);
        var name = file >= 0 && file < item.Images.Count ? item.Images[file] : null;
        var path = name is null ? null : Path.Combine(imagesFolder, name);
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the image of sheet {item.BatchId}#{item.Seq} is not in the store's images folder {imagesFolder}", path ?? imagesFolder);
    }

    private static void Copy(PixelImage source, int left, int top, PixelImage target, bool upsideDown)
    {
        var (w, h) = (target.Width, target.Height);
        for (var y = 0; y < h; y++)
        {
            var row = target.Row(upsideDown ? h - 1 - y : y)[..w];
            source.Row(top + y).Slice(left, w).CopyTo(row);
            if (upsideDown)
            {
                row.Reverse();
            }
        }
    }

    private static (PageLayout Page, List<(VotingPosition Layout, ReadPosition Reading)> Positions) PageOf(BallotStyle style, QueueItem item)
    {
        foreach (var (_, page) in style.Pages())
        {
            var matched = item.Positions
                .Select(r => (Layout: page.Positions.FirstOrDefault(p => p.ContestId == item.Key.ContestId && p.OptionId == r.OptionId && p.WriteInIndex == r.WriteInIndex), Reading: r))
                .Where(m => m.Layout is not null).Select(m => (m.Layout!, m.Reading)).ToList();
            if (matched.Count > 0)
            {
                return (page, matched);
            }
        }

        throw new InvalidDataException($"style {style.Id} has no page with contest {item.Key.ContestId}");
    }
}
