// QR codes carry the page identity on our own ballots.
#include "internal.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <zbar.h>

#include <cstring>
#include <memory>

using namespace zbar;  // zbar.h wraps its C API in a namespace when compiled as C++

namespace {

// One scanner a thread, configured once: a new one allocates all its decoders again, which costs
// a tenth of reading a code. zbar starts afresh on every image it scans.
zbar_image_scanner_t* qr_scanner() {
  thread_local std::unique_ptr<zbar_image_scanner_t, decltype(&zbar_image_scanner_destroy)> scanner(
      nullptr, zbar_image_scanner_destroy);
  if (!scanner) {
    scanner.reset(zbar_image_scanner_create());
    if (!scanner) return nullptr;
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_X_DENSITY, 2);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_Y_DENSITY, 2);
  }
  return scanner.get();
}

// The last resort at full size: every line instead of every second one. A skewed code whose
// modules are under five pixels can slip between the lines zbar samples (its finder patterns
// then show too few crossings), and the sheet would be rejected for want of its identity.
bool scan_every_line(zbar_image_scanner_t* scanner, zbar_image_t* frame) {
  zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_X_DENSITY, 1);
  zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_Y_DENSITY, 1);
  const bool found = zbar_scan_image(scanner, frame) > 0;
  zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_X_DENSITY, 2);
  zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_Y_DENSITY, 2);
  return found;
}

}  // namespace

// Debian builds OpenCV without quirc, so its QR decoder cannot decode; zbar reads the codes.
CC_API cc_status cc_qr_decode(cc_image src, int32_t x, int32_t y, int32_t w, int32_t h, int32_t factor,
                              char* text, int32_t capacity, int32_t* length, float* corners) {
  return cc::guarded("qr_decode", [&]() -> cc_status {
    if (length == nullptr || text == nullptr) return cc::fail(CC_ERR_ARGUMENT, "qr_decode: missing output");
    *length = 0;
    cv::Mat image;
    if (!cc::wrap(src, image, "qr_decode")) return CC_ERR_ARGUMENT;
    cv::Rect region;
    if (!cc::clip_region(src, x, y, w, h, region)) return cc::fail(CC_ERR_NOT_FOUND, "qr_decode: empty region");
    if (factor < 1 || factor > 4) return cc::fail(CC_ERR_ARGUMENT, "qr_decode: factor must be 1-4");
    const cv::Rect cut = factor > 1 ? cc::whole_blocks(region, factor) : region;
    if (cut.area() == 0) return cc::fail(CC_ERR_NOT_FOUND, "qr_decode: region smaller than the shrink factor");
    cv::Mat grey;
    if (src.channels != 1) {
      cv::cvtColor(image(cut), grey, cv::COLOR_BGR2GRAY);
    } else if (factor == 1) {
      image(cut).copyTo(grey);  // zbar wants contiguous rows
    } else {
      grey = image(cut);  // shrinking below makes the rows contiguous
    }
    if (factor > 1) {
      // zbar's cost grows with the pixels it binarises and scans; a code printed at six or more
      // pixels a module still reads at a half.
      cv::Mat shrunk;
      cv::resize(grey, shrunk, cv::Size(cut.width / factor, cut.height / factor), 0, 0, cv::INTER_AREA);
      grey = shrunk;
    }
    zbar_image_scanner_t* scanner = qr_scanner();
    if (scanner == nullptr) return cc::fail(CC_ERR_INTERNAL, "qr_decode: zbar could not create a scanner");
    std::unique_ptr<zbar_image_t, decltype(&zbar_image_destroy)> frame(zbar_image_create(), zbar_image_destroy);
    zbar_image_set_format(frame.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(frame.get(), static_cast<unsigned>(grey.cols), static_cast<unsigned>(grey.rows));
    zbar_image_set_data(frame.get(), grey.data, grey.total(), nullptr);
    if (zbar_scan_image(scanner, frame.get()) <= 0 && (factor > 1 || !scan_every_line(scanner, frame.get()))) {
      return cc::fail(CC_ERR_NOT_FOUND, "qr_decode: no readable QR code in the region");
    }
    const zbar_symbol_t* symbol = zbar_image_first_symbol(frame.get());
    const unsigned size = zbar_symbol_get_data_length(symbol);
    if (static_cast<int64_t>(size) > capacity) {
      *length = static_cast<int32_t>(size);
      return cc::fail(CC_ERR_CAPACITY, "qr_decode: payload longer than the buffer");
    }
    std::memcpy(text, zbar_symbol_get_data(symbol), size);
    *length = static_cast<int32_t>(size);
    if (corners != nullptr) {
      const unsigned points = zbar_symbol_get_loc_size(symbol);
      for (unsigned i = 0; i < 4; ++i) {
        const unsigned p = points == 0 ? 0 : i % points;
        corners[2 * i] = points == 0 ? 0.0f : static_cast<float>(zbar_symbol_get_loc_x(symbol, p) * factor + region.x);
        corners[2 * i + 1] = points == 0 ? 0.0f : static_cast<float>(zbar_symbol_get_loc_y(symbol, p) * factor + region.y);
      }
    }
    return CC_OK;
  });
}

CC_API cc_status cc_qr_encode(const char* text, int32_t correction, cc_buffer** modules, int32_t* side) {
  return cc::guarded("qr_encode", [&]() -> cc_status {
    if (text == nullptr || modules == nullptr || side == nullptr) {
      return cc::fail(CC_ERR_ARGUMENT, "qr_encode: missing argument");
    }
    if (correction < 0 || correction > 3) return cc::fail(CC_ERR_ARGUMENT, "qr_encode: correction must be 0-3");
    *modules = nullptr;
    *side = 0;
    cv::QRCodeEncoder::Params params;
    params.correction_level = static_cast<cv::QRCodeEncoder::CorrectionLevel>(correction);
    params.mode = cv::QRCodeEncoder::MODE_BYTE;
    auto encoder = cv::QRCodeEncoder::create(params);
    cv::Mat matrix;
    encoder->encode(std::string(text), matrix);
    if (matrix.empty()) return cc::fail(CC_ERR_ENCODE, "qr_encode: OpenCV produced no code");
    // OpenCV returns a white-on-black-convention image with a quiet zone; strip the
    // zone and report modules as 1 = dark so the renderer chooses its own scale.
    cv::Mat dark = matrix == 0;
    std::vector<cv::Point> points;
    cv::findNonZero(dark, points);
    if (points.empty()) return cc::fail(CC_ERR_ENCODE, "qr_encode: empty code");
    const cv::Rect bounds = cv::boundingRect(points);
    if (bounds.width != bounds.height) return cc::fail(CC_ERR_ENCODE, "qr_encode: code is not square");
    auto buffer = std::make_unique<cc_buffer>();
    buffer->bytes.resize(static_cast<size_t>(bounds.area()));
    for (int r = 0; r < bounds.height; ++r) {
      for (int c = 0; c < bounds.width; ++c) {
        buffer->bytes[static_cast<size_t>(r * bounds.width + c)] = dark.at<uint8_t>(bounds.y + r, bounds.x + c) ? 1 : 0;
      }
    }
    *side = bounds.width;
    *modules = buffer.release();
    return CC_OK;
  });
}
