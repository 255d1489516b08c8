using System.Text;

namespace CentralCount.Imaging;

/// <summary>QR error-correction levels.</summary>
public enum QrCorrection
{
    Low = 0,
    Medium = 1,
    Quartile = 2,
    High = 3,
}

/// <summary>A decoded QR code: its text and its four corners in image pixels.</summary>
public sealed record QrReading(string Text, IReadOnlyList<(float X, float Y)> Corners);

/// <summary>The module matrix of a QR code, without quiet zone.</summary>
public sealed record QrModules(int Side, byte[] Dark)
{
    public bool IsDark(int column, int row) => Dark[(row * Side) + column] != 0;
}

/// <summary>QR encode and decode through OpenCV's objdetect module.</summary>
public static unsafe class QrCodes
{
    private const int MaxPayload = 4096;

    /// <summary>
    /// Decodes the QR code inside a region of a grey or colour image, or null when none is
    /// readable; <paramref name="shrink"/> (1-4) reads it that many times smaller, which is
    /// cheaper and works while a module keeps three pixels or more.
    /// </summary>
    public static QrReading? Decode(PixelImage image, PixelRect region, int shrink = 1)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(shrink, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shrink, 4);
        var text = stackalloc byte[MaxPayload];
        var corners = stackalloc float[8];
        var status = NativeMethods.QrDecode(image.View, region.X, region.Y, region.Width, region.Height, shrink, text, MaxPayload, out var length, corners);
        GC.KeepAlive(image);
        if (status == NativeStatus.NotFound)
        {
            return null;
        }

        NativeErrors.ThrowIfFailed(status, "QR decode");
        var points = new (float, float)[4];
        for (var i = 0; i < 4; i++)
        {
            points[i] = (corners[2 * i], corners[(2 * i) + 1]);
        }

        return new QrReading(Encoding.UTF8.GetString(text, length), points);
    }

    public static QrModules Encode(string text, QrCorrection correction = QrCorrection.Medium)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var utf8 = Encoding.UTF8.GetBytes(text + "\0");
        NativeStatus status;
        nint buffer;
        int side;
        fixed (byte* p = utf8)
        {
            status = NativeMethods.QrEncode(p, (int)correction, out buffer, out side);
        }

        var modules = ImageEncoder.TakeBuffer(status, buffer, "QR encode");
        return new QrModules(side, modules);
    }
}
