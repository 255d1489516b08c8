namespace CentralCount.Imaging.Tests;

/// <summary>A cache hint must be safe wherever a caller points it and must never change a pixel.</summary>
public sealed class PrefetchTests
{
    [Theory]
    [InlineData(-1, 0, 10)]
    [InlineData(40, 0, 10)]
    [InlineData(5, -500, 500)]
    [InlineData(5, 30, 10)]
    [InlineData(39, 0, 29)]
    [InlineData(0, -1, -1)]
    public void Any_row_and_span_is_accepted_and_no_pixel_changes(int y, int x0, int x1)
    {
        using var image = TestImages.Noise(30, 40, seed: 7);
        var before = image.Pixels.ToArray();
        image.Prefetch(y, x0, x1);
        Assert.Equal(before, image.Pixels.ToArray());
    }

    [Fact]
    public void A_disposed_image_refuses_the_hint()
    {
        var image = TestImages.Noise(30, 40, seed: 7);
        image.Dispose();
        Assert.Throws<ObjectDisposedException>(() => image.Prefetch(0, 0, 10));
    }
}
