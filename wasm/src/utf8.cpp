#include "utf8.h"

namespace draftmark {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is invalid
// (the Unicode "maximal subpart" rules are simplified to one U+FFFD per bad byte).
size_t valid_sequence_length(const unsigned char* s, size_t i, size_t size) {
  unsigned char c = s[i];
  if (c < 0x80) return c == 0 ? 0 : 1;
  auto cont = [&](size_t k) { return i + k < size && (s[i + k] & 0xc0) == 0x80; };
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xe0 && s[i + 1] < 0xa0) return 0;  // overlong
    if (c == 0xed && s[i + 1] > 0x9f) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xf0 && s[i + 1] < 0x90) return 0;  // overlong
    if (c == 0xf4 && s[i + 1] > 0x8f) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

bool check_or_repair_utf8(std::string_view text, std::string& repaired) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  // Fast path: ASCII runs, then whole valid sequences.
  while (i < size) {
    if (s[i] >= 0x80 || s[i] == 0) {
      size_t n = valid_sequence_length(s, i, size);
      if (n == 0) break;
      i += n;
    } else {
      i++;
    }
  }
  if (i == size) return true;

  repaired.assign(text.data(), i);
  while (i < size) {
    size_t n = valid_sequence_length(s, i, size);
    if (n == 0) {
      repaired += "\xEF\xBF\xBD";
      i++;
    } else {
      repaired.append(text.data() + i, n);
      i += n;
    }
  }
  return false;
}

size_t utf16_length(const char* text, size_t size) {
  size_t units = 0;
  for (size_t i = 0; i < size; i++) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xc0) != 0x80) units += (c >= 0xf0) ? 2 : 1;  // astral: surrogate pair
  }
  return units;
}

}  // namespace draftmark
