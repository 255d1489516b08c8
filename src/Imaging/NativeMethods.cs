using System.Runtime.InteropServices;

namespace CentralCount.Imaging;

/// <summary>P/Invoke declarations for <c>libcentralcount_native.so</c> (see native/include).</summary>
internal static unsafe partial class NativeMethods
{
    private const string Library = "centralcount_native";

    [LibraryImport(Library, EntryPoint = "cc_last_error")]
    internal static partial nint LastError();

    [LibraryImport(Library, EntryPoint = "cc_opencv_version")]
    internal static partial nint OpenCvVersion();

    [LibraryImport(Library, EntryPoint = "cc_buffer_data")]
    internal static partial byte* BufferData(nint buffer);

    [LibraryImport(Library, EntryPoint = "cc_buffer_size")]
    internal static partial nuint BufferSize(nint buffer);

    [LibraryImport(Library, EntryPoint = "cc_buffer_free")]
    internal static partial void BufferFree(nint buffer);

    [LibraryImport(Library, EntryPoint = "cc_decode_gray")]
    internal static partial NativeStatus DecodeGray(byte* bytes, nuint length, NativeImageView destination);

    [LibraryImport(Library, EntryPoint = "cc_decode_info")]
    internal static partial NativeStatus DecodeInfo(byte* bytes, nuint length, out int width, out int height);

    [LibraryImport(Library, EntryPoint = "cc_encode")]
    internal static partial NativeStatus Encode(NativeImageView source, int format, int quality, out nint buffer);

    [LibraryImport(Library, EntryPoint = "cc_encode_tiff_bilevel")]
    internal static partial NativeStatus EncodeTiffBilevel(NativeImageView source, int threshold, int compression, int dpi, out nint buffer);

    [LibraryImport(Library, EntryPoint = "cc_dark_components_scaled")]
    internal static partial NativeStatus DarkComponents(
        NativeImageView source, int x, int y, int width, int height, int threshold, int connectivity, int factor,
        NativeComponent* output, int capacity, out int count);

    [LibraryImport(Library, EntryPoint = "cc_qr_decode")]
    internal static partial NativeStatus QrDecode(
        NativeImageView source, int x, int y, int width, int height, int factor, byte* text, int capacity, out int length, float* corners);

    [LibraryImport(Library, EntryPoint = "cc_qr_encode")]
    internal static partial NativeStatus QrEncode(byte* text, int correction, out nint modules, out int side);

    [LibraryImport(Library, EntryPoint = "cc_draw_line")]
    internal static partial NativeStatus DrawLine(NativeImageView canvas, int x1, int y1, int x2, int y2, double c0, double c1, double c2, int thickness, int antialias);

    [LibraryImport(Library, EntryPoint = "cc_draw_polyline")]
    internal static partial NativeStatus DrawPolyline(NativeImageView canvas, int* xy, int points, int closed, double c0, double c1, double c2, int thickness, int antialias);

    [LibraryImport(Library, EntryPoint = "cc_fill_polygon")]
    internal static partial NativeStatus FillPolygon(NativeImageView canvas, int* xy, int points, double c0, double c1, double c2, int antialias);

    [LibraryImport(Library, EntryPoint = "cc_draw_ellipse")]
    internal static partial NativeStatus DrawEllipse(NativeImageView canvas, int cx, int cy, int ax, int ay, double angle, double start, double end, double c0, double c1, double c2, int thickness, int antialias);

    [LibraryImport(Library, EntryPoint = "cc_fill_rect")]
    internal static partial NativeStatus FillRect(NativeImageView canvas, int x, int y, int width, int height, double c0, double c1, double c2);

    [LibraryImport(Library, EntryPoint = "cc_draw_text")]
    internal static partial NativeStatus DrawText(NativeImageView canvas, byte* text, int x, int y, int font, double scale, double c0, double c1, double c2, int thickness, int antialias);

    [LibraryImport(Library, EntryPoint = "cc_measure_text")]
    internal static partial NativeStatus MeasureText(byte* text, int font, double scale, int thickness, out int width, out int height, out int baseline);

    [LibraryImport(Library, EntryPoint = "cc_warp_affine")]
    internal static partial NativeStatus WarpAffine(NativeImageView source, NativeImageView destination, double* matrix, int interpolation, double border);

    [LibraryImport(Library, EntryPoint = "cc_remap")]
    internal static partial NativeStatus Remap(NativeImageView source, NativeImageView destination, float* mapX, float* mapY, int interpolation, double border);

    [LibraryImport(Library, EntryPoint = "cc_gaussian_blur")]
    internal static partial NativeStatus GaussianBlur(NativeImageView source, NativeImageView destination, double sigma);

    [LibraryImport(Library, EntryPoint = "cc_to_gray")]
    internal static partial NativeStatus ToGray(NativeImageView source, NativeImageView destination);
}
