// The line starts of a text that is edited in place (IncrementalRenderer's): updated per
// edit from the edit alone, so a keystroke never rescans a megabyte to find its line.
// Lines end at "\n" only (a text with CR is rendered whole, so LineIndex's other endings
// never reach this). Offsets are bytes; lines are 1-based.
//
//   LineStarts lines;
//   lines.assign("a\nb\n");        // starts 0, 2, 4: two lines (a final "\n" adds none)
//   lines.edit(1, 0, "\nx");       // the text is now "a\nx\nb\n": three lines
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace draftmark {

class LineStarts {
 public:
  void assign(std::string_view text);
  // `removed` bytes at `offset` were replaced by `inserted`.
  void edit(size_t offset, size_t removed, std::string_view inserted);

  // The line holding byte `offset`; the text's size gives the line a final "\n" opens.
  uint32_t line_of(size_t offset) const;
  uint32_t count() const;              // as LineIndex::line_count
  size_t begin(uint32_t line) const;   // the text's size past the last line

 private:
  std::vector<size_t> starts_;  // 0 and the byte after each "\n", even a final one
  size_t size_ = 0;
};

}  // namespace draftmark
