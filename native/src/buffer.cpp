// Library-owned byte buffers handed to the caller (encoded images, QR modules).
#include "internal.hpp"

CC_API const uint8_t* cc_buffer_data(const cc_buffer* buffer) {
  return buffer == nullptr ? nullptr : buffer->bytes.data();
}

CC_API size_t cc_buffer_size(const cc_buffer* buffer) {
  return buffer == nullptr ? 0 : buffer->bytes.size();
}

CC_API void cc_buffer_free(cc_buffer* buffer) { delete buffer; }
