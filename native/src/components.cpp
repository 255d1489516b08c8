// Connected components of dark pixels in a region, with bounding boxes,
// areas and centroids: how timing marks and stray ink are found.
#include "internal.hpp"

#include <opencv2/imgproc.hpp>

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
    thread_local cv::Mat shrunk, binary, labels, stats, centroids;
    if (factor < 1 || factor > 8) return cc::fail(CC_ERR_ARGUMENT, "dark_components: factor must be 1-8");
    if (factor == 1) {
      cv::threshold(image(region), binary, threshold - 1, 255, cv::THRESH_BINARY_INV);
    } else {
      // Area averaging keeps a thin dark mark dark enough to pass the threshold.
      cv::resize(image(region), shrunk, cv::Size(region.width / factor, region.height / factor), 0, 0, cv::INTER_AREA);
      cv::threshold(shrunk, binary, threshold - 1, 255, cv::THRESH_BINARY_INV);
    }
    const int n = cv::connectedComponentsWithStats(binary, labels, stats, centroids, connectivity, CV_32S);
    *count = n - 1;
    const int written = std::min(n - 1, capacity);
    for (int i = 0; i < written; ++i) {
      const int label = i + 1;
      out[i].left = stats.at<int>(label, cv::CC_STAT_LEFT) * factor + region.x;
      out[i].top = stats.at<int>(label, cv::CC_STAT_TOP) * factor + region.y;
      out[i].width = stats.at<int>(label, cv::CC_STAT_WIDTH) * factor;
      out[i].height = stats.at<int>(label, cv::CC_STAT_HEIGHT) * factor;
      out[i].area = stats.at<int>(label, cv::CC_STAT_AREA) * factor * factor;
      out[i].cx = (centroids.at<double>(label, 0) + 0.5) * factor - 0.5 + region.x;
      out[i].cy = (centroids.at<double>(label, 1) + 0.5) * factor - 0.5 + region.y;
    }
    return n - 1 > capacity ? CC_ERR_CAPACITY : CC_OK;
  });
}
