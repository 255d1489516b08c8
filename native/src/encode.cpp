// PNG, JPEG and 8-bit TIFF encoding (board crops, rendered test decks).
#include "internal.hpp"

#include <opencv2/imgcodecs.hpp>

CC_API cc_status cc_encode(cc_image src, int32_t format, int32_t quality, cc_buffer** out) {
  return cc::guarded("encode", [&]() -> cc_status {
    if (out == nullptr) return cc::fail(CC_ERR_ARGUMENT, "encode: no output pointer");
    *out = nullptr;
    cv::Mat image;
    if (!cc::wrap(src, image, "encode")) return CC_ERR_ARGUMENT;
    std::vector<int> params;
    const char* extension = nullptr;
    switch (format) {
      case 0:
        extension = ".png";
        params = {cv::IMWRITE_PNG_COMPRESSION, 1};  // speed over size: board crops and corpora
        break;
      case 1:
        if (quality < 1 || quality > 100) return cc::fail(CC_ERR_ARGUMENT, "encode: JPEG quality must be 1-100");
        extension = ".jpg";
        params = {cv::IMWRITE_JPEG_QUALITY, quality};
        break;
      case 2:
        extension = ".tif";
        params = {cv::IMWRITE_TIFF_COMPRESSION, 5};
        break;
      default:
        return cc::fail(CC_ERR_ARGUMENT, "encode: unknown format " + std::to_string(format));
    }
    auto buffer = std::make_unique<cc_buffer>();
    if (!cv::imencode(extension, image, buffer->bytes, params)) {
      return cc::fail(CC_ERR_ENCODE, std::string("encode: OpenCV could not write ") + extension);
    }
    *out = buffer.release();
    return CC_OK;
  });
}
