// Connected components of dark pixels in a region, with bounding boxes,
// areas and centroids: how timing marks and stray ink are found.
#include "internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <vector>

namespace {

// One component's extent, area and coordinate sums, gathered from its labels.
struct Blob {
  int left = INT_MAX, top = INT_MAX, right = -1, bottom = -1;
  int64_t area = 0, sx = 0, sy = 0;
};

}  // namespace

CC_API cc_status cc_dark_components(cc_image src, int32_t x, int32_t y, int32_t w, int32_t h,
                                    int32_t threshold, int32_t connectivity,
                                    cc_component* out, int32_t capacity, int32_t* count) {
  return cc_dark_components_scaled(src, x, y, w, h, threshold, connectivity, 1, out, capacity, count);
}

CC_API cc_status cc_dark_components_scaled(cc_image src, int32_t x, int32_t y, int32_t w, int32_t h,
                                           int32_t threshold, int32_t connectivity, int32_t factor,
                                           cc_component* out, int32_t capacity, int32_t* count) {
  return cc::guarded("dark_components", [&]() -> cc_status {
    if (count == nullptr || (capacity > 0 && out == nullptr)) {
      return cc::fail(CC_ERR_ARGUMENT, "dark_components: missing output");
    }
    if (connectivity != 4 && connectivity != 8) {
      return cc::fail(CC_ERR_ARGUMENT, "dark_components: connectivity must be 4 or 8");
    }
    *count = 0;
    cv::Mat image;
    if (src.channels != 1 || !cc::wrap(src, image, "dark_components")) {
      return cc::fail(CC_ERR_ARGUMENT, "dark_components: source must be a valid grey view");
    }
    cv::Rect region;
    if (!cc::clip_region(src, x, y, w, h, region)) return CC_OK;
    // Scratch kept per thread: a page's strips are labelled many times over, and fresh label
    // buffers (4 bytes a pixel) cost more in page faults than the labelling itself.
    thread_local cv::Mat shrunk, binary, labels;
    if (factor < 1 || factor > 8) return cc::fail(CC_ERR_ARGUMENT, "dark_components: factor must be 1-8");
    if (factor == 1) {
      cv::threshold(image(region), binary, threshold - 1, 255, cv::THRESH_BINARY_INV);
    } else {
      // Area averaging keeps a thin dark mark dark enough to pass the threshold.
      region = cc::whole_blocks(region, factor);
      if (region.area() == 0) return CC_OK;
      cv::resize(image(region), shrunk, cv::Size(region.width / factor, region.height / factor), 0, 0, cv::INTER_AREA);
      cv::threshold(shrunk, binary, threshold - 1, 255, cv::THRESH_BINARY_INV);
    }
    // Labels from OpenCV, statistics here in one pass over them: OpenCV's own statistics cost
    // about eight times the labelling.
    const int n = cv::connectedComponents(binary, labels, connectivity, CV_32S);
    *count = n - 1;
    const int written = std::min(n - 1, capacity);
    thread_local std::vector<Blob> blobs;
    blobs.assign(static_cast<size_t>(std::max(n, 1)), Blob{});
    for (int r = 0; r < labels.rows; ++r) {
      const int32_t* row = labels.ptr<int32_t>(r);
      for (int c = 0; c < labels.cols; ++c) {
        const int32_t label = row[c];
        if (label == 0) continue;
        Blob& b = blobs[static_cast<size_t>(label)];
        b.left = std::min(b.left, c);
        b.right = std::max(b.right, c);
        b.top = std::min(b.top, r);
        b.bottom = std::max(b.bottom, r);
        ++b.area;
        b.sx += c;
        b.sy += r;
      }
    }
    for (int i = 0; i < written; ++i) {
      const Blob& b = blobs[static_cast<size_t>(i + 1)];
      out[i].left = b.left * factor + region.x;
      out[i].top = b.top * factor + region.y;
      out[i].width = (b.right - b.left + 1) * factor;
      out[i].height = (b.bottom - b.top + 1) * factor;
      out[i].area = static_cast<int32_t>(b.area) * factor * factor;
      out[i].cx = (static_cast<double>(b.sx) / static_cast<double>(b.area) + 0.5) * factor - 0.5 + region.x;
      out[i].cy = (static_cast<double>(b.sy) / static_cast<double>(b.area) + 0.5) * factor - 0.5 + region.y;
    }
    return n - 1 > capacity ? CC_ERR_CAPACITY : CC_OK;
  });
}
