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

// Two three-byte sequences in a word's low six bytes: leads 1110xxxx, continuations 10xxxxxx.
constexpr uint64_t kTwoThreeByteMask = 0xC0C0F0C0C0F0ull;
constexpr uint64_t kTwoThreeBytePattern = 0x8080E08080E0ull;

// The code point of the three-byte sequence in the low three bytes of `bytes`.
inline uint32_t three_byte_value(uint64_t bytes) {
  return static_cast<uint32_t>(((bytes & 0x0F) << 12) | ((bytes >> 2) & 0xFC0) | ((bytes >> 16) & 0x3F));
}

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
      // Markup is mostly ASCII: eight bytes at a time, up to the first non-ASCII one. All
      // eight are widened and written; the units past that byte are written over next. They
      // fit: a character never has more units than bytes, so n + 8 <= i + 8 <= size.
      if (i + 8 <= size) {
        const uint64_t word = load_word(p + i);
        const uint64_t non_ascii = word & kByteHighBits;
        const size_t ascii = non_ascii == 0 ? 8 : first_marked(non_ascii);
        const uint64_t units[2] = {widen4(word), widen4(word >> 32)};
        std::memcpy(out + n, units, 16);
        i += ascii;
        n += ascii;
      } else {
        out[n++] = c;
        i++;
      }
    } else if ((c & 0xF0) == 0xE0) {  // first: Hangul, Han, kana and most punctuation
      // They come in runs (words): two characters a step while the next six bytes are two
      // well-formed three-byte sequences, else one by the checks below.
      const size_t run_start = i;
      uint64_t word;
      while (i + 8 <= size && ((word = load_word(p + i)) & kTwoThreeByteMask) == kTwoThreeBytePattern) {
        const uint32_t first = three_byte_value(word), second = three_byte_value(word >> 24);
        if (!bmp_scalar(first) || !bmp_scalar(second)) break;
        out[n] = static_cast<uint16_t>(first);
        out[n + 1] = static_cast<uint16_t>(second);
        i += 6;
        n += 2;
      }
      if (i != run_start) continue;  // what follows the pairs is read afresh
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
