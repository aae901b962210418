#include "text/html_escape.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "text/byte_scan.h"
#include "text/html_entities.h"

namespace draftmark {
namespace {

constexpr uint8_t kHtmlEsc = 1;
constexpr uint8_t kUrlEsc = 2;

// Built once at compile time: which bytes need escaping in which context.
constexpr std::array<uint8_t, 256> make_escape_map() {
  std::array<uint8_t, 256> map{};
  const char* url_safe = "~-_.+!*(),%#@?=;:/,+$";
  for (int ch = 0; ch < 256; ch++) {
    if (ch == '"' || ch == '&' || ch == '<' || ch == '>') map[ch] |= kHtmlEsc;
    bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    bool safe = alnum;
    for (const char* p = url_safe; *p; p++) safe = safe || ch == *p;
    if (!safe) map[ch] |= kUrlEsc;
  }
  return map;
}
constexpr std::array<uint8_t, 256> kEscapeMap = make_escape_map();

// The high bit of each byte of `word` that append_html_escaped escapes: '"' (0x22) and '&'
// (0x26) differ only in bit 2, '<' (0x3C) and '>' (0x3E) only in bit 1, so two compares find
// all four.
inline uint64_t html_special_bytes(uint64_t word) {
  return bytes_equal(word | (4 * kByteOnes), '&') | bytes_equal(word | (2 * kByteOnes), '>');
}

// The offset of the first byte of text[from, size) that HTML escapes, or `size`: eight
// bytes at a time (text and code are long runs with nothing to escape).
size_t next_html_special(const char* text, size_t size, size_t from) {
  size_t i = from;
  for (; i + 8 <= size; i += 8) {
    if (const uint64_t found = html_special_bytes(load_word(text + i))) return i + first_marked(found);
  }
  while (i < size && !(kEscapeMap[static_cast<unsigned char>(text[i])] & kHtmlEsc)) i++;
  return i;
}

// How many bytes append_html_escaped adds for a byte: its entity's length less one.
constexpr std::array<uint8_t, 256> make_escape_growth() {
  std::array<uint8_t, 256> growth{};
  growth['&'] = 4;
  growth['<'] = growth['>'] = 3;
  growth['"'] = 5;
  return growth;
}
constexpr std::array<uint8_t, 256> kEscapeGrowth = make_escape_growth();

// Copies the n bytes between two escaped ones (a few, mostly): eight a step in registers,
// not through a memcpy call each.
inline char* copy_run(char* out, const char* in, size_t n) {
  for (; n >= 8; n -= 8, in += 8, out += 8) {
    const uint64_t word = load_word(in);
    std::memcpy(out, &word, 8);
  }
  for (; n > 0; n--) *out++ = *in++;
  return out;
}

unsigned hex_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return ch - 'a' + 10;
}

}  // namespace

void append_html_escaped(std::string& out, const char* text, size_t size) {
  const size_t first = next_html_special(text, size, 0);
  if (first == size) {
    out.append(text, size);
    return;
  }
  // Two string appends per escaped byte (the text before it, its entity) cost more than the
  // bytes themselves where many need escaping (code showing HTML: one byte in six on the
  // spec text): the escaped size is counted, the string grown once and written in place.
  size_t escaped = size;
  for (size_t i = first; i < size; i++) escaped += kEscapeGrowth[static_cast<unsigned char>(text[i])];
  const size_t at = out.size();
  out.resize(at + escaped);
  char* p = &out[at];
  size_t begin = 0;
  for (size_t i = first; i < size; i = next_html_special(text, size, i + 1)) {
    p = copy_run(p, text + begin, i - begin);
    switch (text[i]) {
      case '&': std::memcpy(p, "&amp;", 5); p += 5; break;
      case '<': std::memcpy(p, "&lt;", 4); p += 4; break;
      case '>': std::memcpy(p, "&gt;", 4); p += 4; break;
      default: std::memcpy(p, "&quot;", 6); p += 6; break;
    }
    begin = i + 1;
  }
  copy_run(p, text + begin, size - begin);
}

void append_url_escaped(std::string& out, const char* text, size_t size) {
  static const char kHex[] = "0123456789ABCDEF";
  size_t begin = 0;
  for (size_t i = 0; i < size; i++) {
    unsigned char ch = static_cast<unsigned char>(text[i]);
    if (!(kEscapeMap[ch] & kUrlEsc)) continue;
    out.append(text + begin, i - begin);
    if (ch == '&') {
      out.append("&amp;", 5);
    } else {
      const char hex[3] = {'%', kHex[ch >> 4], kHex[ch & 0xf]};
      out.append(hex, 3);
    }
    begin = i + 1;
  }
  out.append(text + begin, size - begin);
}

size_t encode_utf8(unsigned cp, char* buf) {
  if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  if (cp <= 0x7f) {
    buf[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp <= 0x7ff) {
    buf[0] = static_cast<char>(0xc0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3f));
    return 2;
  }
  if (cp <= 0xffff) {
    buf[0] = static_cast<char>(0xe0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3f));
    return 3;
  }
  buf[0] = static_cast<char>(0xf0 | (cp >> 18));
  buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
  buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
  buf[3] = static_cast<char>(0x80 | (cp & 0x3f));
  return 4;
}

void append_utf8_codepoint(std::string& out, unsigned cp) {
  char buf[4];
  out.append(buf, encode_utf8(cp, buf));
}

void append_entity(std::string& out, const char* text, size_t size, Escaper escape) {
  char buf[8];
  size_t n = 0;
  if (size > 3 && text[1] == '#') {
    // md4c only reports well-formed numeric entities (at most 7 digits), so no overflow.
    unsigned cp = 0;
    if (text[2] == 'x' || text[2] == 'X') {
      for (size_t i = 3; i + 1 < size; i++) cp = 16 * cp + hex_value(text[i]);
    } else {
      for (size_t i = 2; i + 1 < size; i++) cp = 10 * cp + static_cast<unsigned>(text[i] - '0');
    }
    n = encode_utf8(cp, buf);
  } else if (unsigned codepoints[2]; lookup_entity(text, size, codepoints)) {
    n = encode_utf8(codepoints[0], buf);
    if (codepoints[1]) n += encode_utf8(codepoints[1], buf + n);
  }
  if (n > 0) {
    escape(out, buf, n);
  } else {
    escape(out, text, size);  // unknown entity: the text as written
  }
}

}  // namespace draftmark
