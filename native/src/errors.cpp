// Per-thread error text, so concurrent pipeline workers never see each other's errors.
#include "internal.hpp"

#include <opencv2/core/version.hpp>

namespace {
thread_local std::string last_error;
}

namespace cc {

cc_status fail(cc_status status, const std::string& message) {
  last_error = message;
  return status;
}

void clear_error() { last_error.clear(); }

bool wrap(const cc_image& image, cv::Mat& out, const char* what) {
  if (image.data == nullptr || image.width <= 0 || image.height <= 0 ||
      (image.channels != 1 && image.channels != 3) ||
      image.stride < image.width * image.channels) {
    fail(CC_ERR_ARGUMENT, std::string(what) + ": invalid image view (" + std::to_string(image.width) +
                              "x" + std::to_string(image.height) + ", stride " +
                              std::to_string(image.stride) + ", channels " +
                              std::to_string(image.channels) + ")");
    return false;
  }
  out = cv::Mat(image.height, image.width, CV_8UC(image.channels), image.data,
                static_cast<size_t>(image.stride));
  return true;
}

bool clip_region(const cc_image& image, int x, int y, int w, int h, cv::Rect& out) {
  out = cv::Rect(x, y, w, h) & cv::Rect(0, 0, image.width, image.height);
  return out.area() > 0;
}

}  // namespace cc

CC_API const char* cc_last_error(void) { return last_error.c_str(); }

CC_API const char* cc_opencv_version(void) { return CV_VERSION; }
