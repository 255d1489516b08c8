// Whole-image transforms. These serve the scanner simulator and board crops,
// never the counting hot path, which samples through a page geometry instead.
#include "internal.hpp"

#include <opencv2/imgproc.hpp>

CC_API cc_status cc_warp_affine(cc_image src, cc_image dst, const double* matrix6,
                                int32_t interpolation, double border) {
  return cc::guarded("warp_affine", [&]() -> cc_status {
    cv::Mat in, out;
    if (!cc::wrap(src, in, "warp_affine source") || !cc::wrap(dst, out, "warp_affine destination")) return CC_ERR_ARGUMENT;
    if (matrix6 == nullptr || src.channels != dst.channels) return cc::fail(CC_ERR_ARGUMENT, "warp_affine: bad matrix or channels");
    const cv::Mat m(2, 3, CV_64F, const_cast<double*>(matrix6));
    cv::warpAffine(in, out, m, out.size(), interpolation, cv::BORDER_CONSTANT, cv::Scalar::all(border));
    return CC_OK;
  });
}

CC_API cc_status cc_remap(cc_image src, cc_image dst, const float* map_x, const float* map_y,
                          int32_t interpolation, double border) {
  return cc::guarded("remap", [&]() -> cc_status {
    cv::Mat in, out;
    if (!cc::wrap(src, in, "remap source") || !cc::wrap(dst, out, "remap destination")) return CC_ERR_ARGUMENT;
    if (map_x == nullptr || map_y == nullptr || src.channels != dst.channels) return cc::fail(CC_ERR_ARGUMENT, "remap: bad maps or channels");
    const cv::Mat mx(dst.height, dst.width, CV_32F, const_cast<float*>(map_x));
    const cv::Mat my(dst.height, dst.width, CV_32F, const_cast<float*>(map_y));
    cv::remap(in, out, mx, my, interpolation, cv::BORDER_CONSTANT, cv::Scalar::all(border));
    return CC_OK;
  });
}

CC_API cc_status cc_gaussian_blur(cc_image src, cc_image dst, double sigma) {
  return cc::guarded("gaussian_blur", [&]() -> cc_status {
    cv::Mat in, out;
    if (!cc::wrap(src, in, "blur source") || !cc::wrap(dst, out, "blur destination")) return CC_ERR_ARGUMENT;
    if (in.size() != out.size() || src.channels != dst.channels || sigma <= 0) {
      return cc::fail(CC_ERR_ARGUMENT, "gaussian_blur: sizes differ or sigma <= 0");
    }
    cv::GaussianBlur(in, out, cv::Size(0, 0), sigma);
    return CC_OK;
  });
}

CC_API cc_status cc_to_gray(cc_image src, cc_image dst) {
  return cc::guarded("to_gray", [&]() -> cc_status {
    cv::Mat in, out;
    if (!cc::wrap(src, in, "to_gray source") || !cc::wrap(dst, out, "to_gray destination")) return CC_ERR_ARGUMENT;
    if (src.channels != 3 || dst.channels != 1 || in.size() != out.size()) {
      return cc::fail(CC_ERR_ARGUMENT, "to_gray: need a 3-channel source and a same-size grey destination");
    }
    cv::cvtColor(in, out, cv::COLOR_BGR2GRAY);
    return CC_OK;
  });
}
