// Maps byte offsets of one text to 1-based lines and UTF-16 columns.
// Line ends are "\n", "\r\n" or "\r", as CommonMark defines them.
#pragma once

#include <cstdint>
#include <cstddef>
#include <string_view>
#include <vector>

namespace draftmark {

class LineIndex {
 public:
  // Indexes `text`, reusing its storage across calls; returns whether it holds a NUL byte
  // (found in the same pass, so the renderer needs no search of its own).
  bool build(std::string_view text);

  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  uint32_t line_of(size_t offset) const;           // 1-based
  uint32_t utf16_column(size_t offset) const;      // 1-based, UTF-16 units
  size_t line_begin(uint32_t line) const { return starts_[line - 1]; }
  size_t line_end(uint32_t line) const;            // offset of its line ending (exclusive)
  std::string_view line_text(uint32_t line) const;
  bool is_blank(uint32_t line) const;              // only spaces and tabs

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

}  // namespace draftmark
