#include "text/unicode_class.h"

#include <array>
#include <cstdint>

#include "text/html_escape.h"

namespace draftmark {
namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

struct LowerRun {
  char32_t first;
  uint16_t count;
  uint8_t stride;
  int32_t delta;
};

#include "text/unicode_tables.inc"

// kWordRanges (5.9 KB of 32-bit pairs) ships packed: per range, as LEB128 numbers, its
// distance from the previous range's last code point and its last minus its first
// (1.5 KB; 2.4 KB less gzip in the module). Packed at compile time, unpacked at the first lookup.
template <size_t N>
constexpr size_t packed_size(const CodePointRange (&ranges)[N]) {
  size_t size = 0;
  char32_t previous = 0;
  for (const CodePointRange& r : ranges) {
    for (char32_t v : {r.first - previous, r.last - r.first}) {
      do size++; while ((v >>= 7) != 0);
    }
    previous = r.last;
  }
  return size;
}

template <size_t Size, size_t N>
constexpr std::array<uint8_t, Size> pack_ranges(const CodePointRange (&ranges)[N]) {
  std::array<uint8_t, Size> packed{};
  size_t at = 0;
  char32_t previous = 0;
  for (const CodePointRange& r : ranges) {
    for (char32_t v : {r.first - previous, r.last - r.first}) {
      for (; v >= 0x80; v >>= 7) packed[at++] = static_cast<uint8_t>(v | 0x80);
      packed[at++] = static_cast<uint8_t>(v);
    }
    previous = r.last;
  }
  return packed;
}

// The inverse of pack_ranges: fills `ranges` (as many as were packed).
template <size_t Size, size_t N>
constexpr void unpack_ranges(const std::array<uint8_t, Size>& packed, CodePointRange (&ranges)[N]) {
  size_t at = 0;
  auto next = [&packed, &at] {
    char32_t v = 0;
    for (unsigned shift = 0;; shift += 7) {
      const uint8_t byte = packed[at++];
      v |= char32_t{byte & 0x7Fu} << shift;
      if (byte < 0x80) return v;
    }
  };
  char32_t previous = 0;
  for (CodePointRange& r : ranges) {
    r.first = previous + next();
    r.last = r.first + next();
    previous = r.last;
  }
}

constexpr size_t kWordRangeCount = sizeof(kWordRanges) / sizeof(kWordRanges[0]);
constexpr auto kPackedWordRanges = pack_ranges<packed_size(kWordRanges)>(kWordRanges);

struct WordRanges {
  CodePointRange ranges[kWordRangeCount];
};

constexpr bool unpacks_to_the_table() {
  WordRanges unpacked{};
  unpack_ranges(kPackedWordRanges, unpacked.ranges);
  for (size_t i = 0; i < kWordRangeCount; i++) {
    if (unpacked.ranges[i].first != kWordRanges[i].first || unpacked.ranges[i].last != kWordRanges[i].last) return false;
  }
  return true;
}
static_assert(unpacks_to_the_table(), "the packed word ranges are the table's");

// Unpacked in place at the first call (a const static made by a lambda would be evaluated at
// compile time and shipped unpacked).
const WordRanges& word_ranges() {
  static WordRanges unpacked;  // zero-filled, not in the data section
  if (unpacked.ranges[kWordRangeCount - 1].last == 0) unpack_ranges(kPackedWordRanges, unpacked.ranges);
  return unpacked;
}

template <typename T, size_t N, typename Less>
const T* upper_bound_by(const T (&table)[N], char32_t code_point, Less first_of) {
  size_t low = 0, high = N;
  while (low < high) {
    size_t mid = (low + high) / 2;
    if (first_of(table[mid]) <= code_point) low = mid + 1; else high = mid;
  }
  return low == 0 ? nullptr : &table[low - 1];
}

}  // namespace

bool is_word_code_point(char32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= '0' && code_point <= '9') || (code_point >= 'A' && code_point <= 'Z') ||
           (code_point >= 'a' && code_point <= 'z') || code_point == '_';
  }
  if (is_common_cjk(code_point)) return true;
  const CodePointRange* range =
      upper_bound_by(word_ranges().ranges, code_point, [](const CodePointRange& r) { return r.first; });
  return range && code_point <= range->last;
}

bool is_cjk_code_point_in_table(char32_t code_point) {
  const CodePointRange* range =
      upper_bound_by(kCjkRanges, code_point, [](const CodePointRange& r) { return r.first; });
  return range && code_point <= range->last;
}

void append_lowercase(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    char ch = static_cast<char>(code_point);
    out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    return;
  }
  if (is_common_cjk(code_point)) {  // no case
    append_utf8_codepoint(out, code_point);
    return;
  }
  if (code_point == 0x130) {  // İ: Ruby keeps the dot as a combining mark
    out += 'i';
    append_utf8_codepoint(out, 0x307);
    return;
  }
  const LowerRun* run =
      upper_bound_by(kLowerRuns, code_point, [](const LowerRun& r) { return r.first; });
  if (run) {
    char32_t offset = code_point - run->first;
    if (offset % run->stride == 0 && offset / run->stride < run->count) {
      append_utf8_codepoint(out, static_cast<unsigned>(static_cast<int32_t>(code_point) + run->delta));
      return;
    }
  }
  append_utf8_codepoint(out, code_point);
}

char32_t decode_utf8(const char* text, size_t size, size_t* length) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text);
  *length = 1;
  unsigned char lead = bytes[0];
  if (lead < 0x80) return lead;
  size_t needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (needed == 0 || lead > 0xF4 || size < needed) return 0xFFFD;
  char32_t value = lead & (0x7F >> needed);
  for (size_t i = 1; i < needed; i++) {
    if ((bytes[i] & 0xC0) != 0x80) return 0xFFFD;
    value = (value << 6) | (bytes[i] & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are malformed.
  static const char32_t kMinimum[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMinimum[needed] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return 0xFFFD;
  }
  *length = needed;
  return value;
}

}  // namespace draftmark
