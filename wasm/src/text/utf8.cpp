#include "text/utf8.h"

#include <cstdint>
#include <cstring>

namespace draftmark {
namespace {

inline bool is_continuation(unsigned char c) { return (c & 0xc0) == 0x80; }

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid or NUL
// (the Unicode "maximal subpart" rules are simplified to one U+FFFD per bad byte).
inline size_t valid_sequence_length(const unsigned char* s, size_t i, size_t size) {
  const unsigned char c = s[i];
  if (c < 0x80) return c == 0 ? 0 : 1;
  const size_t left = size - i;
  if (c < 0xc2) return 0;
  if (c < 0xe0) return left >= 2 && is_continuation(s[i + 1]) ? 2 : 0;
  if (c < 0xf0) {
    if (left < 3 || !is_continuation(s[i + 1]) || !is_continuation(s[i + 2])) return 0;
    if (c == 0xe0 && s[i + 1] < 0xa0) return 0;  // overlong
    if (c == 0xed && s[i + 1] > 0x9f) return 0;  // surrogate
    return 3;
  }
  if (c > 0xf4 || left < 4 || !is_continuation(s[i + 1]) || !is_continuation(s[i + 2]) ||
      !is_continuation(s[i + 3])) {
    return 0;
  }
  if (c == 0xf0 && s[i + 1] < 0x90) return 0;  // overlong
  if (c == 0xf4 && s[i + 1] > 0x8f) return 0;  // above U+10FFFF
  return 4;
}

}  // namespace

bool check_or_repair_utf8(std::string_view text, std::string& repaired) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  // Fast path: 8 bytes at a time while they are ASCII without NUL, then whole
  // valid sequences.
  while (i < size) {
    while (i + 8 <= size) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      // High bit set in any byte, or any zero byte (the classic has-zero-byte test).
      if ((word & 0x8080808080808080ull) != 0 ||
          ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull) != 0) {
        break;
      }
      i += 8;
    }
    if (i >= size) break;
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

std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) to the start of the cut character.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) end--;
  return text.substr(0, end);
}

}  // namespace draftmark
