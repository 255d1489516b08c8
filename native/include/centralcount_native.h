/* C ABI over OpenCV 4.6 for CentralCount. Every function returns a cc_status;
 * on failure cc_last_error() describes what went wrong on the calling thread.
 * Pixel memory is always owned by the caller: the library reads and writes
 * through (pointer, width, height, stride) views and never keeps them. */
#ifndef CENTRALCOUNT_NATIVE_H
#define CENTRALCOUNT_NATIVE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define CC_API extern "C" __attribute__((visibility("default")))
#else
#define CC_API __attribute__((visibility("default")))
#endif

typedef enum {
  CC_OK = 0,
  CC_ERR_ARGUMENT = 1,       /* a null pointer, a negative size, a bad stride */
  CC_ERR_UNSUPPORTED = 2,    /* the bytes are not an image format OpenCV can read */
  CC_ERR_CORRUPT = 3,        /* the format was recognised but decoding failed */
  CC_ERR_SIZE_MISMATCH = 4,  /* the decoded image differs from the caller's buffer */
  CC_ERR_ENCODE = 5,         /* encoding failed */
  CC_ERR_NOT_FOUND = 6,      /* nothing found (no QR code) */
  CC_ERR_CAPACITY = 7,       /* the caller's output buffer is too small */
  CC_ERR_INTERNAL = 99       /* an unexpected OpenCV or C++ exception */
} cc_status;

typedef struct cc_buffer cc_buffer;

/* A view of caller-owned pixels: 1 (grey) or 3 (BGR) interleaved 8-bit channels. */
typedef struct {
  uint8_t* data;
  int32_t width;
  int32_t height;
  int32_t stride;
  int32_t channels;
} cc_image;

typedef struct {
  int32_t left, top, width, height, area;
  double cx, cy;
} cc_component;

CC_API const char* cc_last_error(void);
CC_API const char* cc_opencv_version(void);

/* Encoded output lives in a library buffer until the caller frees it. */
CC_API const uint8_t* cc_buffer_data(const cc_buffer* buffer);
CC_API size_t cc_buffer_size(const cc_buffer* buffer);
CC_API void cc_buffer_free(cc_buffer* buffer);

/* Decodes into the caller's 8-bit grey buffer, which must already have the
 * image's size (the caller learns it from the header). Colour is converted to
 * grey; EXIF orientation is ignored so pixel coordinates stay those of the file. */
CC_API cc_status cc_decode_gray(const uint8_t* bytes, size_t length, cc_image dst);

/* Decodes with OpenCV's own header reader and reports the size; used by tests
 * and by formats the managed header reader does not know. */
CC_API cc_status cc_decode_info(const uint8_t* bytes, size_t length, int32_t* width, int32_t* height);

/* format: 0 PNG, 1 JPEG (quality 1-100), 2 TIFF 8-bit (LZW). */
CC_API cc_status cc_encode(cc_image src, int32_t format, int32_t quality, cc_buffer** out);

/* 1-bit TIFF: pixels below threshold become black. compression: 3 = CCITT G3, 4 = CCITT G4. */
CC_API cc_status cc_encode_tiff_bilevel(cc_image src, int32_t threshold, int32_t compression,
                                        int32_t dpi, cc_buffer** out);

/* Connected components of the pixels darker than threshold inside the region
 * (x, y, w, h) of a grey image. Coordinates are those of the whole image. Writes
 * up to capacity components (background excluded, in label order) and sets
 * *count to how many there are. */
CC_API cc_status cc_dark_components(cc_image src, int32_t x, int32_t y, int32_t w, int32_t h,
                                    int32_t threshold, int32_t connectivity,
                                    cc_component* out, int32_t capacity, int32_t* count);

/* The same on the region shrunk by an integer factor (area averaging) first: for finding
 * large marks quickly. Bounds, areas and centroids come back in full-size coordinates. */
CC_API cc_status cc_dark_components_scaled(cc_image src, int32_t x, int32_t y, int32_t w, int32_t h,
                                           int32_t threshold, int32_t connectivity, int32_t factor,
                                           cc_component* out, int32_t capacity, int32_t* count);

/* QR decode (zbar) inside a region of a grey or colour image, shrunk by an integer factor (1-4)
 * first when the code's modules are large enough. Every second line is scanned; at full size
 * (factor 1) every line too when that finds nothing. Writes the UTF-8 payload (not terminated)
 * and its length; corners gets 4 (x, y) points in image coordinates. */
CC_API cc_status cc_qr_decode(cc_image src, int32_t x, int32_t y, int32_t w, int32_t h, int32_t factor,
                              char* text, int32_t capacity, int32_t* length, float* corners);

/* QR encode: the module matrix (1 = dark) without quiet zone, side x side bytes.
 * correction: 0 L, 1 M, 2 Q, 3 H. */
CC_API cc_status cc_qr_encode(const char* text, int32_t correction, cc_buffer** modules, int32_t* side);

/* Drawing on a caller-owned canvas. Colours are (c0, c1, c2) in the canvas's
 * channel order; a grey canvas uses c0. Coordinates are in 1/256 pixel so
 * strokes land with sub-pixel precision. thickness < 0 fills. */
#define CC_SHIFT 8
CC_API cc_status cc_draw_line(cc_image dst, int32_t x1, int32_t y1, int32_t x2, int32_t y2,
                              double c0, double c1, double c2, int32_t thickness, int32_t antialias);
CC_API cc_status cc_draw_polyline(cc_image dst, const int32_t* xy, int32_t points, int32_t closed,
                                  double c0, double c1, double c2, int32_t thickness, int32_t antialias);
CC_API cc_status cc_fill_polygon(cc_image dst, const int32_t* xy, int32_t points,
                                 double c0, double c1, double c2, int32_t antialias);
CC_API cc_status cc_draw_ellipse(cc_image dst, int32_t cx, int32_t cy, int32_t ax, int32_t ay,
                                 double angle, double start, double end,
                                 double c0, double c1, double c2, int32_t thickness, int32_t antialias);
CC_API cc_status cc_fill_rect(cc_image dst, int32_t x, int32_t y, int32_t w, int32_t h,
                              double c0, double c1, double c2);
/* Hershey text; (x, y) is the baseline origin in whole pixels. font: OpenCV
 * HersheyFonts value, optionally | 16 for italic. */
CC_API cc_status cc_draw_text(cc_image dst, const char* text, int32_t x, int32_t y, int32_t font,
                              double scale, double c0, double c1, double c2, int32_t thickness,
                              int32_t antialias);
CC_API cc_status cc_measure_text(const char* text, int32_t font, double scale, int32_t thickness,
                                 int32_t* width, int32_t* height, int32_t* baseline);

/* Geometric and photometric transforms for the scanner simulator. */
CC_API cc_status cc_warp_affine(cc_image src, cc_image dst, const double* matrix6,
                                int32_t interpolation, double border);
CC_API cc_status cc_remap(cc_image src, cc_image dst, const float* map_x, const float* map_y,
                          int32_t interpolation, double border);
CC_API cc_status cc_gaussian_blur(cc_image src, cc_image dst, double sigma);
CC_API cc_status cc_to_gray(cc_image src, cc_image dst);

#endif
