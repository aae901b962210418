#include "core/line_index.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "text/byte_scan.h"
#include "text/utf8.h"

namespace draftmark {

bool LineIndex::build(std::string_view text) {
  text_ = text;
  starts_.clear();
  starts_.push_back(0);
  const char* data = text.data();
  const size_t size = text.size();
  // LF-only text, the common case: eight bytes at a time, each '\n' found from its bit. One
  // pass instead of one search per byte value. NULs are collected as bits, not tested per
  // word: the loop then has one branch besides the newlines'.
  uint64_t nul_bits = 0;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    const uint64_t word = load_word(data + i);
    if (bytes_equal(word, '\r') != 0) break;
    nul_bits |= zero_bytes(word);
    for (uint64_t newlines = bytes_equal(word, '\n'); newlines != 0; newlines &= newlines - 1) {
      starts_.push_back(i + first_marked(newlines) + 1);
    }
  }
  bool has_nul = nul_bits != 0;
  // The rest byte by byte: the last few bytes, or all from the first word with a CR on (CR
  // and CRLF end lines too).
  for (; i < size; i++) {
    if (data[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (data[i] == '\r') {
      if (i + 1 < size && data[i + 1] == '\n') i++;
      starts_.push_back(i + 1);
    } else if (data[i] == '\0') {
      has_nul = true;
    }
  }
  // A final line ending does not start a (phantom) last line.
  if (starts_.size() > 1 && starts_.back() == size) starts_.pop_back();
  return has_nul;
}

uint32_t LineIndex::line_of(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin());
}

uint32_t LineIndex::utf16_column(size_t offset) const {
  size_t begin = starts_[line_of(offset) - 1];
  return static_cast<uint32_t>(utf16_length(text_.data() + begin, offset - begin)) + 1;
}

size_t LineIndex::line_end(uint32_t line) const {
  size_t end = line < starts_.size() ? starts_[line] : text_.size();
  while (end > starts_[line - 1] && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) end--;
  return end;
}

std::string_view LineIndex::line_text(uint32_t line) const {
  size_t begin = starts_[line - 1];
  return text_.substr(begin, line_end(line) - begin);
}

bool LineIndex::is_blank(uint32_t line) const {
  for (char c : line_text(line)) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

}  // namespace draftmark
