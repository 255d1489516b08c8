namespace CentralCount.Imaging.Tests;

/// <summary>A cache hint must be safe wherever a caller points it and must never change a pixel.</summary>
public sealed class PrefetchTests
{
    [Theory]
    [InlineData(0, -1, 10, -1)]
    [InlineData(0, 40, 10, 45)]
    [InlineData(-500, 5, 500, 5)]
    [InlineData(30, 5, 10, 5)]
    [InlineData(0, 0, 29, 39)]
    [InlineData(-1, 0, -1, 0)]
    [InlineData(5, 20, 8, 10)]
    [InlineData(-100, -100, 100, 100)]
    public void Any_rectangle_is_accepted_and_no_pixel_changes(int x0, int y0, int x1, int y1)
    {
        using var image = TestImages.Noise(30, 40, seed: 7);
        var before = image.Pixels.ToArray();
        image.Prefetch(x0, y0, x1, y1);
        Assert.Equal(before, image.Pixels.ToArray());
    }

    [Fact]
    public void A_disposed_image_refuses_the_hint()
    {
        var image = TestImages.Noise(30, 40, seed: 7);
        image.Dispose();
        Assert.Throws<ObjectDisposedException>(() => image.Prefetch(0, 0, 10, 10));
    }
}
