// 1-bit CCITT G3/G4 TIFF, the format high-speed central-count scanners write.
// OpenCV only writes 8-bit TIFF, so this goes to libtiff through an in-memory stream.
#include "internal.hpp"

#include <tiffio.h>

#include <algorithm>
#include <cstring>

namespace {

struct MemoryStream {
  std::vector<uint8_t>* bytes;
  toff_t position;
};

tsize_t stream_read(thandle_t handle, tdata_t data, tsize_t size) {
  auto* stream = static_cast<MemoryStream*>(handle);
  const auto available = static_cast<tsize_t>(stream->bytes->size()) - static_cast<tsize_t>(stream->position);
  const tsize_t n = std::max<tsize_t>(0, std::min(size, available));
  if (n > 0) std::memcpy(data, stream->bytes->data() + stream->position, static_cast<size_t>(n));
  stream->position += static_cast<toff_t>(n);
  return n;
}

tsize_t stream_write(thandle_t handle, tdata_t data, tsize_t size) {
  auto* stream = static_cast<MemoryStream*>(handle);
  const size_t end = static_cast<size_t>(stream->position) + static_cast<size_t>(size);
  if (end > stream->bytes->size()) stream->bytes->resize(end);
  std::memcpy(stream->bytes->data() + stream->position, data, static_cast<size_t>(size));
  stream->position = end;
  return size;
}

toff_t stream_seek(thandle_t handle, toff_t offset, int whence) {
  auto* stream = static_cast<MemoryStream*>(handle);
  toff_t base = 0;
  if (whence == SEEK_CUR) base = stream->position;
  if (whence == SEEK_END) base = stream->bytes->size();
  stream->position = base + offset;
  return stream->position;
}

int stream_close(thandle_t) { return 0; }
toff_t stream_size(thandle_t handle) { return static_cast<MemoryStream*>(handle)->bytes->size(); }
int stream_map(thandle_t, tdata_t*, toff_t*) { return 0; }
void stream_unmap(thandle_t, tdata_t, toff_t) {}

}  // namespace

CC_API cc_status cc_encode_tiff_bilevel(cc_image src, int32_t threshold, int32_t compression,
                                        int32_t dpi, cc_buffer** out) {
  return cc::guarded("encode_tiff_bilevel", [&]() -> cc_status {
    if (out == nullptr) return cc::fail(CC_ERR_ARGUMENT, "encode_tiff_bilevel: no output pointer");
    *out = nullptr;
    cv::Mat image;
    if (src.channels != 1 || !cc::wrap(src, image, "encode_tiff_bilevel")) {
      return cc::fail(CC_ERR_ARGUMENT, "encode_tiff_bilevel: source must be a valid grey view");
    }
    if (compression != 3 && compression != 4) {
      return cc::fail(CC_ERR_ARGUMENT, "encode_tiff_bilevel: compression must be 3 (G3) or 4 (G4)");
    }
    auto buffer = std::make_unique<cc_buffer>();
    MemoryStream stream{&buffer->bytes, 0};
    TIFF* tiff = TIFFClientOpen("memory", "w", &stream, stream_read, stream_write, stream_seek,
                                stream_close, stream_size, stream_map, stream_unmap);
    if (tiff == nullptr) return cc::fail(CC_ERR_ENCODE, "encode_tiff_bilevel: libtiff could not open a stream");
    TIFFSetField(tiff, TIFFTAG_IMAGEWIDTH, static_cast<uint32_t>(src.width));
    TIFFSetField(tiff, TIFFTAG_IMAGELENGTH, static_cast<uint32_t>(src.height));
    TIFFSetField(tiff, TIFFTAG_BITSPERSAMPLE, 1);
    TIFFSetField(tiff, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISWHITE);
    TIFFSetField(tiff, TIFFTAG_COMPRESSION, compression == 4 ? COMPRESSION_CCITTFAX4 : COMPRESSION_CCITTFAX3);
    TIFFSetField(tiff, TIFFTAG_FILLORDER, FILLORDER_MSB2LSB);
    TIFFSetField(tiff, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tiff, TIFFTAG_ROWSPERSTRIP, static_cast<uint32_t>(src.height));
    TIFFSetField(tiff, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    TIFFSetField(tiff, TIFFTAG_XRESOLUTION, static_cast<float>(dpi));
    TIFFSetField(tiff, TIFFTAG_YRESOLUTION, static_cast<float>(dpi));
    const size_t row_bytes = (static_cast<size_t>(src.width) + 7) / 8;
    std::vector<uint8_t> row(row_bytes);
    bool ok = true;
    for (int y = 0; y < src.height && ok; ++y) {
      std::fill(row.begin(), row.end(), 0);
      const uint8_t* pixels = image.ptr<uint8_t>(y);
      for (int x = 0; x < src.width; ++x) {
        if (pixels[x] < threshold) row[static_cast<size_t>(x) >> 3] |= static_cast<uint8_t>(0x80 >> (x & 7));
      }
      ok = TIFFWriteScanline(tiff, row.data(), static_cast<uint32_t>(y), 0) >= 0;
    }
    TIFFClose(tiff);
    if (!ok) return cc::fail(CC_ERR_ENCODE, "encode_tiff_bilevel: libtiff failed writing a row");
    *out = buffer.release();
    return CC_OK;
  });
}
