#include "api/edit_markers.h"

#include <cstring>

namespace draftmark {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// After `{:` at `at`: an ALD is `{:name:`; spaces before the name are accepted too, which
// only makes the check more conservative (kramdown reads that as an IAL).
bool is_ald(std::string_view text, size_t at) {
  size_t i = at + 2;
  while (i < text.size() && text[i] == ' ') i++;
  size_t name = i;
  while (i < text.size() && is_name_char(text[i])) i++;
  return i > name && i < text.size() && text[i] == ':';
}

// Only up to three spaces between the line's start and `at` (where kramdown's definitions start).
bool at_line_start(std::string_view text, size_t at) {
  size_t spaces = 0;
  while (at > 0 && text[at - 1] == ' ' && spaces < 4) {
    at--;
    spaces++;
  }
  return spaces <= 3 && (at == 0 || text[at - 1] == '\n');
}

// Calls f(position) for each occurrence of byte `c`.
template <typename F>
void each_byte(std::string_view text, char c, F f) {
  const char* data = text.data();
  const char* end = data + text.size();
  for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, c, static_cast<size_t>(end - p)))) != nullptr; p++) {
    f(static_cast<size_t>(p - data));
  }
}

}  // namespace

uint32_t scan_edit_markers(std::string_view text) {
  uint32_t found = 0;
  const size_t n = text.size();
  each_byte(text, '[', [&](size_t i) {
    found |= kMarkBracket;
    if (i + 1 < n && text[i + 1] == '^') found |= kMarkFootnote;
    if (i > 0 && text[i - 1] == '*' && at_line_start(text, i - 1)) found |= kMarkAbbr;
  });
  each_byte(text, ']', [&](size_t i) {
    if (i + 1 < n && text[i + 1] == ':') found |= kMarkRefDef;
  });
  each_byte(text, '{', [&](size_t i) {
    if (i + 1 >= n) return;
    const char next = text[i + 1];
    if (next == '{' || next == '%') found |= kMarkLiquid;
    if (next != ':') return;
    found |= kMarkIal;
    if (i + 2 < n && text[i + 2] == ':') found |= kMarkExtension;
    if (is_ald(text, i)) found |= kMarkAld;
  });
  return found;
}

}  // namespace draftmark
