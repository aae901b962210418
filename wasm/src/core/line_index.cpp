#include "core/line_index.h"

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

namespace draftmark {

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// Nonzero when one of the eight bytes of `word` is zero (the classic test; which bit is set
// may be off, so callers look at the bytes themselves).
inline uint64_t has_zero_byte(uint64_t word) { return (word - kOnes) & ~word & kHighBits; }

}  // namespace

bool LineIndex::build(std::string_view text) {
  text_ = text;
  starts_.clear();
  starts_.push_back(0);
  const char* data = text.data();
  const size_t size = text.size();
  bool has_nul = false;
  // The common case, LF only: eight bytes at a time, looking at the bytes of a word only
  // when it holds a '\n', '\r' or NUL. One pass instead of one search per byte value.
  size_t i = 0;
  while (i < size) {
    if (i + 8 <= size) {
      uint64_t word;
      std::memcpy(&word, data + i, 8);
      if (has_zero_byte(word ^ ('\n' * kOnes)) == 0 && has_zero_byte(word ^ ('\r' * kOnes)) == 0 &&
          has_zero_byte(word) == 0) {
        i += 8;
        continue;
      }
    }
    const size_t end = i + 8 <= size ? i + 8 : size;
    for (; i < end; i++) {
      if (data[i] == '\n') {
        starts_.push_back(i + 1);
      } else if (data[i] == '\r') {
        return build_with_cr();
      } else if (data[i] == '\0') {
        has_nul = true;
      }
    }
  }
  // A final line ending does not start a (phantom) last line.
  if (starts_.size() > 1 && starts_.back() == size) starts_.pop_back();
  return has_nul;
}

bool LineIndex::build_with_cr() {
  const char* data = text_.data();
  const size_t size = text_.size();
  bool has_nul = false;
  starts_.resize(1);
  for (size_t i = 0; i < size; i++) {
    if (data[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (data[i] == '\r') {
      if (i + 1 < size && data[i + 1] == '\n') i++;
      starts_.push_back(i + 1);
    } else if (data[i] == '\0') {
      has_nul = true;
    }
  }
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
