// Decoding straight into caller memory: imdecode reuses a Mat that already has
// the right size and type, so the pixels land in the caller's buffer uncopied.
#include "internal.hpp"

#include <opencv2/imgcodecs.hpp>

namespace {
constexpr int kFlags = cv::IMREAD_GRAYSCALE | cv::IMREAD_IGNORE_ORIENTATION;
}

CC_API cc_status cc_decode_gray(const uint8_t* bytes, size_t length, cc_image dst) {
  return cc::guarded("decode", [&]() -> cc_status {
    if (bytes == nullptr || length == 0) return cc::fail(CC_ERR_ARGUMENT, "decode: no bytes");
    cv::Mat target;
    if (dst.channels != 1 || !cc::wrap(dst, target, "decode")) {
      return cc::fail(CC_ERR_ARGUMENT, "decode: destination must be a valid 1-channel view");
    }
    if (length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) {
      char message[256];
      const cc_status status = cc::decode_jpeg_gray(bytes, length, dst, message, sizeof message);
      return status == CC_OK ? CC_OK : cc::fail(status, message);
    }
    const cv::Mat encoded(1, static_cast<int>(length), CV_8UC1, const_cast<uint8_t*>(bytes));
    uint8_t* const original = target.data;
    cv::Mat decoded = cv::imdecode(encoded, kFlags, &target);
    if (decoded.empty()) {
      return cc::fail(CC_ERR_CORRUPT, "decode: the image data could not be decoded");
    }
    if (decoded.cols != dst.width || decoded.rows != dst.height) {
      return cc::fail(CC_ERR_SIZE_MISMATCH,
                      "decode: image is " + std::to_string(decoded.cols) + "x" +
                          std::to_string(decoded.rows) + " but the header said " +
                          std::to_string(dst.width) + "x" + std::to_string(dst.height));
    }
    if (decoded.data != original) {
      // Some decoders allocate their own output; copy it into the caller's view.
      cv::Mat view(dst.height, dst.width, CV_8UC1, original, static_cast<size_t>(dst.stride));
      decoded.copyTo(view);
    }
    return CC_OK;
  });
}

CC_API cc_status cc_decode_info(const uint8_t* bytes, size_t length, int32_t* width, int32_t* height) {
  return cc::guarded("decode_info", [&]() -> cc_status {
    if (bytes == nullptr || length == 0 || width == nullptr || height == nullptr) {
      return cc::fail(CC_ERR_ARGUMENT, "decode_info: missing argument");
    }
    const cv::Mat encoded(1, static_cast<int>(length), CV_8UC1, const_cast<uint8_t*>(bytes));
    cv::Mat decoded = cv::imdecode(encoded, kFlags);
    if (decoded.empty()) return cc::fail(CC_ERR_CORRUPT, "decode_info: the image data could not be decoded");
    *width = decoded.cols;
    *height = decoded.rows;
    return CC_OK;
  });
}
