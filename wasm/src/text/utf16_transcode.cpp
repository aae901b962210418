#include "text/utf16_transcode.h"

#include <cstring>

#include "text/byte_scan.h"

namespace draftmark {
namespace {

// Four ASCII bytes (the low half of `bytes`) as four code units, in one word.
inline uint64_t widen4(uint64_t bytes) {
  uint64_t w = (bytes & 0xFFFFFFFFull);
  w = (w | (w << 16)) & 0x0000FFFF0000FFFFull;
  return (w | (w << 8)) & 0x00FF00FF00FF00FFull;
}

inline bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// What a three-byte sequence may encode: U+0800..U+FFFF less the surrogates.
inline bool bmp_scalar(uint32_t v) { return v >= 0x800 && (v < 0xD800 || v >= 0xE000); }

}  // namespace

size_t utf8_to_utf16(const char* p, size_t size, uint16_t* out) {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  size_t i = 0;
  size_t n = 0;
  while (i < size) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      // Markup is mostly ASCII: eight bytes at a time while they are, then the ASCII bytes of
      // the word that ends the run (all eight widened and written, the units past its first
      // non-ASCII byte written over next: n <= i, so n + 8 <= i + 8 <= size units fit).
      uint64_t word = 0;
      while (i + 8 <= size && ((word = load_word(p + i)) & kByteHighBits) == 0) {
        const uint64_t units[2] = {widen4(word), widen4(word >> 32)};
        std::memcpy(out + n, units, 16);
        i += 8;
        n += 8;
      }
      if (i + 8 <= size) {  // a word with non-ASCII bytes: its ASCII ones before them
        const uint64_t units[2] = {widen4(word), widen4(word >> 32)};
        std::memcpy(out + n, units, 16);
        const size_t ascii = first_marked(word & kByteHighBits);
        i += ascii;
        n += ascii;
      } else if (i < size && s[i] < 0x80) {
        out[n++] = s[i++];
      }
    } else if ((c & 0xF0) == 0xE0) {  // first: Hangul, Han, kana and most punctuation
      if (i + 2 >= size || ((s[i + 1] & 0xC0) | (s[i + 2] >> 6)) != 0x82) return kNotUtf8;
      const uint32_t v = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      if (!bmp_scalar(v)) return kNotUtf8;
      out[n++] = static_cast<uint16_t>(v);
      i += 3;
    } else if (c >= 0xC2 && c < 0xE0) {
      if (i + 1 >= size || !continuation(s[i + 1])) return kNotUtf8;
      out[n++] = static_cast<uint16_t>(((c & 0x1F) << 6) | (s[i + 1] & 0x3F));
      i += 2;
    } else if (c >= 0xF0 && c < 0xF5) {
      if (i + 3 >= size || !continuation(s[i + 1]) || !continuation(s[i + 2]) || !continuation(s[i + 3])) {
        return kNotUtf8;
      }
      const uint32_t v = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
                         (s[i + 3] & 0x3Fu);
      if (v < 0x10000 || v > 0x10FFFF) return kNotUtf8;
      out[n++] = static_cast<uint16_t>(0xD800 + ((v - 0x10000) >> 10));
      out[n++] = static_cast<uint16_t>(0xDC00 + ((v - 0x10000) & 0x3FF));
      i += 4;
    } else {
      return kNotUtf8;  // a continuation byte without a lead, or a lead never valid
    }
  }
  return n;
}

}  // namespace draftmark
