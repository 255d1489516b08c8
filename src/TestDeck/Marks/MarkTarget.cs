using CentralCount.Imaging;

namespace CentralCount.TestDeck.Marks;

/// <summary>Where a mark goes, in pixels of the undistorted rendering: the oval, the printed name, the write-in area.</summary>
public sealed record MarkTarget(PointF BubbleCenter, double BubbleWidthPx, double BubbleHeightPx, PixelRect? LabelArea, PixelRect? WriteInArea, double Dpi);
