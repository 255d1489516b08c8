namespace CentralCount.TestDeck.Scanning;

/// <summary>Output encodings a scanner writes.</summary>
public enum ScanFormat
{
    Png,
    Jpeg,
    TiffG4,
}

/// <summary>
/// What one simulated scan does to a page. Geometry: skew, scale, shift, feed-slip stretch and
/// 180° rotation. Photometry: blur, noise, streaks, folds, dark scanner borders. Damage: torn
/// or missing timing marks. Output: format, JPEG quality, 1-bit threshold.
/// </summary>
public sealed record ScanSettings
{
    /// <summary>Rotation in degrees (within specification: ±5).</summary>
    public double SkewDegrees { get; init; }

    /// <summary>Uniform scale (within specification: 0.98 to 1.02).</summary>
    public double Scale { get; init; } = 1.0;

    public double ShiftXPx { get; init; }

    public double ShiftYPx { get; init; }

    /// <summary>Largest local vertical stretch from feed slip, as a fraction (0.01 = ±1%).</summary>
    public double FeedStretch { get; init; }

    /// <summary>The sheet went through the scanner upside down.</summary>
    public bool UpsideDown { get; init; }

    /// <summary>Gaussian blur sigma in pixels (0 for none).</summary>
    public double BlurSigma { get; init; }

    /// <summary>Standard deviation of sensor noise in grey levels.</summary>
    public double Noise { get; init; }

    /// <summary>Columns (in output pixels) with a vertical scanner streak, and its grey value.</summary>
    public IReadOnlyList<int> StreakColumns { get; init; } = [];

    public byte StreakValue { get; init; } = 40;

    /// <summary>Fold creases: rows (as a fraction of the page height) where the sheet was folded.</summary>
    public IReadOnlyList<double> Folds { get; init; } = [];

    /// <summary>Grey value of the scanner background where the paper does not cover (255 for white).</summary>
    public byte Background { get; init; } = 255;

    /// <summary>Scan area around the paper, in pixels, shown in the background value (at least enough to hold the skewed sheet).</summary>
    public int BorderPx { get; init; }

    /// <summary>Timing marks erased before scanning (torn or damaged): (column, row) grid indices.</summary>
    public IReadOnlyList<(int Column, int Row)> MissingMarks { get; init; } = [];

    /// <summary>Fraction of the page height kept from the top (1 = all; 0.5 = half a page).</summary>
    public double KeepHeight { get; init; } = 1.0;

    public ScanFormat Format { get; init; } = ScanFormat.Jpeg;

    public int JpegQuality { get; init; } = 88;

    public byte BilevelThreshold { get; init; } = 150;

    public static ScanSettings Clean { get; } = new();
}
