// Shared helpers for the shim's translation units: error capture and views.
#pragma once
#include "centralcount_native.h"

#include <opencv2/core.hpp>
#include <exception>
#include <string>
#include <vector>

struct cc_buffer {
  std::vector<uint8_t> bytes;
};

namespace cc {

cc_status fail(cc_status status, const std::string& message);
void clear_error();

// Validates a caller view and wraps it without copying.
bool wrap(const cc_image& image, cv::Mat& out, const char* what);

// Clips a region to the image; false when nothing is left.
bool clip_region(const cc_image& image, int x, int y, int w, int h, cv::Rect& out);

// The region cut to whole blocks of factor × factor pixels from its top-left corner: OpenCV's
// area averaging is some thirty times faster on whole blocks than on the fractional ones an
// uneven size needs.
inline cv::Rect whole_blocks(const cv::Rect& r, int factor) {
  return cv::Rect(r.x, r.y, r.width - r.width % factor, r.height - r.height % factor);
}

// Strict JPEG decode into a grey view (see jpeg_decode.cpp).
cc_status decode_jpeg_gray(const uint8_t* bytes, size_t length, const cc_image& dst, char* message, size_t message_size);

inline cv::Scalar colour(double c0, double c1, double c2) { return cv::Scalar(c0, c1, c2); }

// Runs body, turning C++ exceptions into CC_ERR_INTERNAL with their message.
template <typename F>
cc_status guarded(const char* where, F&& body) {
  try {
    clear_error();
    return body();
  } catch (const cv::Exception& e) {
    return fail(CC_ERR_INTERNAL, std::string(where) + ": OpenCV error: " + e.what());
  } catch (const std::exception& e) {
    return fail(CC_ERR_INTERNAL, std::string(where) + ": " + e.what());
  } catch (...) {
    return fail(CC_ERR_INTERNAL, std::string(where) + ": unknown exception");
  }
}

}  // namespace cc
