// JPEG goes to libjpeg directly rather than through imdecode: libjpeg reports damaged
// entropy data only as warnings, which OpenCV ignores, returning a page with grey garbage
// where the damage is. A ballot image with garbage in it must be refused, so every
// warning is treated as an error here.
#include "internal.hpp"

#include <jpeglib.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>

namespace {

struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void on_error(j_common_ptr info) {
  auto* manager = reinterpret_cast<ErrorManager*>(info->err);
  (*info->err->format_message)(info, manager->message);
  std::longjmp(manager->jump, 1);
}

void on_message(j_common_ptr info, int level) {
  if (level < 0) on_error(info);  // a warning: corrupt data
}

}  // namespace

namespace cc {

// Kept free of C++ objects with destructors between setjmp and longjmp.
cc_status decode_jpeg_gray(const uint8_t* bytes, size_t length, const cc_image& dst, char* message, size_t message_size) {
  jpeg_decompress_struct info;
  ErrorManager manager;
  info.err = jpeg_std_error(&manager.base);
  manager.base.error_exit = on_error;
  manager.base.emit_message = on_message;
  manager.message[0] = '\0';
  if (setjmp(manager.jump)) {
    jpeg_destroy_decompress(&info);
    std::snprintf(message, message_size, "decode: damaged JPEG data: %s", manager.message);
    return CC_ERR_CORRUPT;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, bytes, static_cast<unsigned long>(length));
  jpeg_read_header(&info, TRUE);
  info.out_color_space = JCS_GRAYSCALE;
  jpeg_start_decompress(&info);
  if (static_cast<int>(info.output_width) != dst.width || static_cast<int>(info.output_height) != dst.height ||
      info.output_components != 1) {
    std::snprintf(message, message_size, "decode: JPEG is %ux%u but the header said %dx%d", info.output_width,
                  info.output_height, dst.width, dst.height);
    jpeg_destroy_decompress(&info);
    return CC_ERR_SIZE_MISMATCH;
  }
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = dst.data + static_cast<size_t>(info.output_scanline) * static_cast<size_t>(dst.stride);
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return CC_OK;
}

}  // namespace cc
