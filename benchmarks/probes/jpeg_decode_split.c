/*
 * How much of a JPEG page's decode could a reader skip? Decodes the given files to grey with
 * libjpeg in several ways and prints the mean time per page of each:
 *   full           every pixel (what the pipeline and decode-only do)
 *   1/8 scale      entropy decoding of every block, DC only: the floor for any partial decode
 *   1/2 scale      entropy decoding of every block, a 4x4 inverse DCT
 *   rows 20%       full pixels for the top and bottom tenths only, the rest skipped
 *   columns 25%    full pixels for the left quarter only (jpeg_crop_scanline)
 * Build: cc -O2 benchmarks/probes/jpeg_decode_split.c -o /tmp/jpeg_decode_split -ljpeg
 * Run:   taskset -c 0 /tmp/jpeg_decode_split FILE.jpg...   (files are read into memory first;
 *        "full again" repeats the first way once everything is warm)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <jpeglib.h>

enum mode { FULL, ROWS, COLUMNS };

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void decode(const unsigned char *data, size_t length, unsigned denominator, enum mode mode, unsigned char *out)
{
    struct jpeg_decompress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_decompress(&c);
    jpeg_mem_src(&c, data, length);
    jpeg_read_header(&c, TRUE);
    c.out_color_space = JCS_GRAYSCALE;
    c.scale_num = 1;
    c.scale_denom = denominator;
    jpeg_start_decompress(&c);
    JDIMENSION width = c.output_width, height = c.output_height;
    if (mode == COLUMNS) {
        JDIMENSION x = 0, w = width / 4;
        jpeg_crop_scanline(&c, &x, &w);
        width = w;
    }
    while (c.output_scanline < height) {
        JDIMENSION y = c.output_scanline;
        if (mode == ROWS && y > height / 10 && y < height * 9 / 10) {
            jpeg_skip_scanlines(&c, height * 9 / 10 - y);
            continue;
        }
        JSAMPROW row = out + (size_t)y * width;
        jpeg_read_scanlines(&c, &row, 1);
    }
    jpeg_finish_decompress(&c);
    jpeg_destroy_decompress(&c);
}

int main(int argc, char **argv)
{
    int n = argc - 1;
    if (n < 1) {
        fprintf(stderr, "usage: %s FILE.jpg...\n", argv[0]);
        return 2;
    }
    unsigned char **data = malloc(n * sizeof *data);
    size_t *lengths = malloc(n * sizeof *lengths);
    for (int i = 0; i < n; i++) {
        FILE *f = fopen(argv[i + 1], "rb");
        if (!f) {
            perror(argv[i + 1]);
            return 1;
        }
        fseek(f, 0, SEEK_END);
        lengths[i] = ftell(f);
        fseek(f, 0, SEEK_SET);
        data[i] = malloc(lengths[i]);
        if (fread(data[i], 1, lengths[i], f) != lengths[i]) {
            perror(argv[i + 1]);
            return 1;
        }
        fclose(f);
    }
    unsigned char *out = malloc((size_t)8000 * 8000);
    const struct { const char *name; unsigned denominator; enum mode mode; } ways[] = {
        { "full", 1, FULL }, { "1/8 scale", 8, FULL }, { "1/2 scale", 2, FULL },
        { "rows 20%", 1, ROWS }, { "columns 25%", 1, COLUMNS }, { "full again", 1, FULL },
    };
    for (size_t k = 0; k < sizeof ways / sizeof ways[0]; k++) {
        double start = seconds();
        for (int i = 0; i < n; i++)
            decode(data[i], lengths[i], ways[k].denominator, ways[k].mode, out);
        printf("%-12s %6.2f ms/page\n", ways[k].name, (seconds() - start) * 1000 / n);
    }
    return 0;
}
