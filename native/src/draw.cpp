// Drawing primitives for the ballot renderer and the mark simulator.
#include "internal.hpp"

#include <opencv2/imgproc.hpp>

namespace {

int line_type(int32_t antialias) { return antialias ? cv::LINE_AA : cv::LINE_8; }

std::vector<cv::Point> points_of(const int32_t* xy, int32_t count) {
  std::vector<cv::Point> points;
  points.reserve(static_cast<size_t>(count));
  for (int32_t i = 0; i < count; ++i) points.emplace_back(xy[2 * i], xy[2 * i + 1]);
  return points;
}

}  // namespace

CC_API cc_status cc_draw_line(cc_image dst, int32_t x1, int32_t y1, int32_t x2, int32_t y2,
                              double c0, double c1, double c2, int32_t thickness, int32_t antialias) {
  return cc::guarded("draw_line", [&]() -> cc_status {
    cv::Mat canvas;
    if (!cc::wrap(dst, canvas, "draw_line")) return CC_ERR_ARGUMENT;
    if (thickness < 1) return cc::fail(CC_ERR_ARGUMENT, "draw_line: thickness must be at least 1");
    cv::line(canvas, {x1, y1}, {x2, y2}, cc::colour(c0, c1, c2), thickness, line_type(antialias), CC_SHIFT);
    return CC_OK;
  });
}

CC_API cc_status cc_draw_polyline(cc_image dst, const int32_t* xy, int32_t points, int32_t closed,
                                  double c0, double c1, double c2, int32_t thickness, int32_t antialias) {
  return cc::guarded("draw_polyline", [&]() -> cc_status {
    cv::Mat canvas;
    if (!cc::wrap(dst, canvas, "draw_polyline")) return CC_ERR_ARGUMENT;
    if (xy == nullptr || points < 2 || thickness < 1) {
      return cc::fail(CC_ERR_ARGUMENT, "draw_polyline: need 2 or more points and thickness >= 1");
    }
    const auto pts = points_of(xy, points);
    cv::polylines(canvas, pts, closed != 0, cc::colour(c0, c1, c2), thickness, line_type(antialias), CC_SHIFT);
    return CC_OK;
  });
}

CC_API cc_status cc_fill_polygon(cc_image dst, const int32_t* xy, int32_t points,
                                 double c0, double c1, double c2, int32_t antialias) {
  return cc::guarded("fill_polygon", [&]() -> cc_status {
    cv::Mat canvas;
    if (!cc::wrap(dst, canvas, "fill_polygon")) return CC_ERR_ARGUMENT;
    if (xy == nullptr || points < 3) return cc::fail(CC_ERR_ARGUMENT, "fill_polygon: need 3 or more points");
    const std::vector<std::vector<cv::Point>> polygons{points_of(xy, points)};
    cv::fillPoly(canvas, polygons, cc::colour(c0, c1, c2), line_type(antialias), CC_SHIFT);
    return CC_OK;
  });
}

CC_API cc_status cc_draw_ellipse(cc_image dst, int32_t cx, int32_t cy, int32_t ax, int32_t ay,
                                 double angle, double start, double end,
                                 double c0, double c1, double c2, int32_t thickness, int32_t antialias) {
  return cc::guarded("draw_ellipse", [&]() -> cc_status {
    cv::Mat canvas;
    if (!cc::wrap(dst, canvas, "draw_ellipse")) return CC_ERR_ARGUMENT;
    if (ax < 0 || ay < 0) return cc::fail(CC_ERR_ARGUMENT, "draw_ellipse: negative axes");
    cv::ellipse(canvas, {cx, cy}, {ax, ay}, angle, start, end, cc::colour(c0, c1, c2),
                thickness < 0 ? cv::FILLED : thickness, line_type(antialias), CC_SHIFT);
    return CC_OK;
  });
}

CC_API cc_status cc_fill_rect(cc_image dst, int32_t x, int32_t y, int32_t w, int32_t h,
                              double c0, double c1, double c2) {
  return cc::guarded("fill_rect", [&]() -> cc_status {
    cv::Mat canvas;
    if (!cc::wrap(dst, canvas, "fill_rect")) return CC_ERR_ARGUMENT;
    cv::Rect region;
    if (!cc::clip_region(dst, x, y, w, h, region)) return CC_OK;
    canvas(region).setTo(cc::colour(c0, c1, c2));
    return CC_OK;
  });
}

CC_API cc_status cc_draw_text(cc_image dst, const char* text, int32_t x, int32_t y, int32_t font,
                              double scale, double c0, double c1, double c2, int32_t thickness,
                              int32_t antialias) {
  return cc::guarded("draw_text", [&]() -> cc_status {
    cv::Mat canvas;
    if (!cc::wrap(dst, canvas, "draw_text")) return CC_ERR_ARGUMENT;
    if (text == nullptr || thickness < 1 || scale <= 0) return cc::fail(CC_ERR_ARGUMENT, "draw_text: bad text arguments");
    cv::putText(canvas, text, {x, y}, font, scale, cc::colour(c0, c1, c2), thickness, line_type(antialias));
    return CC_OK;
  });
}

CC_API cc_status cc_measure_text(const char* text, int32_t font, double scale, int32_t thickness,
                                 int32_t* width, int32_t* height, int32_t* baseline) {
  return cc::guarded("measure_text", [&]() -> cc_status {
    if (text == nullptr || width == nullptr || height == nullptr || baseline == nullptr) {
      return cc::fail(CC_ERR_ARGUMENT, "measure_text: missing argument");
    }
    int base = 0;
    const cv::Size size = cv::getTextSize(text, font, scale, thickness, &base);
    *width = size.width;
    *height = size.height;
    *baseline = base;
    return CC_OK;
  });
}
