using CentralCount.TestDeck.Scanning;

namespace CentralCount.TestDeck.Corpus;

/// <summary>Reasons a simulated sheet is outside specification and must be rejected.</summary>
public enum ExpectedReject
{
    None,
    MissingTimingMarks,
    StreakThroughPositions,
    HalfPage,
    WrongElection,
}

/// <summary>Draws scanner behaviour for a sheet: within specification unless asked for a defect.</summary>
public static class ScanSampler
{
    /// <summary>
    /// Within specification: skew to ±5°, scale ±2%, shift, feed-slip stretch to ±0.8%, 180°
    /// rotation, blur, noise, JPEG quality 70-95, 1-bit G4, folds, dark borders, up to two
    /// damaged timing marks.
    /// </summary>
    public static ScanSettings InSpecification(Random random, int columns, int rows, bool allowBilevel = true)
    {
        ArgumentNullException.ThrowIfNull(random);
        var skew = random.NextDouble() < 0.7 ? Uniform(random, -1.5, 1.5) : Uniform(random, -5, 5);
        var roll = random.NextDouble();
        var format = roll < 0.8 || !allowBilevel ? ScanFormat.Jpeg : roll < 0.9 ? ScanFormat.Png : ScanFormat.TiffG4;
        var dark = random.NextDouble() < 0.3;
        return new ScanSettings
        {
            SkewDegrees = skew,
            Scale = Uniform(random, 0.98, 1.02),
            ShiftXPx = Uniform(random, -30, 30),
            ShiftYPx = Uniform(random, -30, 30),
            FeedStretch = random.NextDouble() < 0.4 ? Uniform(random, -0.008, 0.008) : 0,
            UpsideDown = random.NextDouble() < 0.15,
            BlurSigma = random.NextDouble() < 0.3 ? Uniform(random, 0.5, 1.2) : 0,
            Noise = Uniform(random, 1.5, 7),
            Folds = random.NextDouble() < 0.15 ? [Uniform(random, 0.3, 0.36)] : [],
            Background = dark ? (byte)random.Next(15, 60) : (byte)255,
            BorderPx = dark ? random.Next(10, 60) : 0,
            MissingMarks = random.NextDouble() < 0.15 ? [.. Enumerable.Range(0, 1 + random.Next(2)).Select(_ => BorderMark(random, columns, rows))] : [],
            Format = format,
            JpegQuality = random.Next(70, 96),
            BilevelThreshold = (byte)random.Next(140, 170),
        };
    }

    /// <summary>
    /// Geometry alone, spread evenly over the whole specification (skew ±5°, scale ±2%, shift
    /// ±30 px, feed-slip stretch ±0.8%, either way up), without noise, as lossless PNG: for
    /// properties that registration recovers every such page.
    /// </summary>
    public static ScanSettings GeometryWithinSpecification(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new ScanSettings
        {
            SkewDegrees = Uniform(random, -5, 5),
            Scale = Uniform(random, 0.98, 1.02),
            ShiftXPx = Uniform(random, -30, 30),
            ShiftYPx = Uniform(random, -30, 30),
            FeedStretch = Uniform(random, -0.008, 0.008),
            UpsideDown = random.Next(2) == 0,
            Noise = 0,
            Format = ScanFormat.Png,
        };
    }

    /// <summary>A defect that must make the engine reject the sheet, applied on top of in-spec behaviour.</summary>
    public static ScanSettings WithDefect(ScanSettings settings, ExpectedReject defect, Random random, int columns, int rows, IReadOnlyList<int> bubbleColumnsPx)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(bubbleColumnsPx);
        return defect switch
        {
            // A torn edge: a run of a dozen marks gone from one side.
            ExpectedReject.MissingTimingMarks => settings with
            {
                MissingMarks = [.. Enumerable.Range(random.Next(5, rows - 20), 14).Select(r => (0, r)), .. Enumerable.Range(random.Next(5, columns - 18), 14).Select(c => (c, 0))],
            },
            ExpectedReject.StreakThroughPositions when bubbleColumnsPx.Count == 0 => settings,
            ExpectedReject.StreakThroughPositions => settings with
            {
                StreakColumns = [bubbleColumnsPx[random.Next(bubbleColumnsPx.Count)] - 1],
                UpsideDown = false,
                SkewDegrees = 0,
            },
            ExpectedReject.HalfPage => settings with { KeepHeight = Uniform(random, 0.4, 0.6) },
            _ => settings,
        };
    }

    private static (int, int) BorderMark(Random random, int columns, int rows) => random.Next(4) switch
    {
        0 => (random.Next(2, columns - 2), 0),
        1 => (random.Next(2, columns - 2), rows - 1),
        2 => (0, random.Next(2, rows - 2)),
        _ => (columns - 1, random.Next(2, rows - 2)),
    };

    private static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));
}
