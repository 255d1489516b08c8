namespace CentralCount.Imaging;

/// <summary>Limits checked against an image's header before it is decoded.</summary>
/// <param name="MaxPixels">
/// Most pixels a page may declare. The default, 100 million, is above a 600-DPI 11 × 17 inch
/// page (67 million) and far below what a crafted header can claim.
/// </param>
public sealed record DecodeLimits(long MaxPixels = 100_000_000)
{
    public static DecodeLimits Default { get; } = new();
}
