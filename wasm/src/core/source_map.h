// Recovers each top-level block's source line range.
//
// md4c reports no positions. What it does give are text pointers: most strings it
// hands to the text callback (and link/image destinations) point into the input,
// so `text - input` is a byte offset. Literal strings md4c makes up (e.g. "\n" for
// breaks) point elsewhere and are skipped. A block's first/last text lines are then
// widened to its real extent: a fenced code block starts at its opening fence, and a
// block ends at the last non-blank line before the next block (closing fences,
// setext underlines), except link reference definitions, which belong to no block.
// Blocks with no text at all (thematic breaks, empty items) start at the first
// non-blank line after the previous block's closing fence or underline.
// Lines are read from the parsed buffer, so syntax masked out before parsing
// (kramdown_blocks.h) counts as blank.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/line_index.h"

namespace draftmark {

struct LineRange {
  uint32_t first = 0;
  uint32_t last = 0;
};

class SourceMap {
 public:
  // `input`/`size` is the exact buffer handed to md_parse; `lines` indexes the full
  // text and `input_offset` is where that buffer starts within it (after a BOM).
  void reset(const LineIndex* lines, const char* input, size_t size, size_t input_offset);

  enum class Kind : uint8_t { kOther, kFencedCode, kHeading };
  void begin_block(Kind kind);
  // Empty strings count too: md4c reports empty code lines as zero-length text.
  void note_text(const char* text, size_t size) {
    if (open_ && text >= input_ && text <= input_ + size_) {
      size_t first = static_cast<size_t>(text - input_);
      size_t last = size > 0 ? first + size - 1 : first;
      Entry& e = entries_.back();
      if (e.min_offset == kNone || first < e.min_offset) e.min_offset = first;
      if (e.max_offset == kNone || last > e.max_offset) e.max_offset = last;
    }
  }
  void end_block() { open_ = false; }

  // Whether `text` points into the parsed buffer (md4c also passes literal strings).
  bool contains(const char* text) const { return text >= input_ && text < input_ + size_; }

  // Document line of a pointer into the parsed buffer, or 1 if it points elsewhere.
  uint32_t line_of(const char* text) const {
    if (text < input_ || text > input_ + size_ || lines_ == nullptr) return 1;
    return lines_->line_of(input_offset_ + static_cast<size_t>(text - input_));
  }

  // One range per begun block, in order; monotonic and non-overlapping.
  void finish(std::vector<LineRange>& ranges) const;

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  struct Entry {
    size_t min_offset;
    size_t max_offset;
    Kind kind;
  };
  std::string_view visible_line(uint32_t line) const;
  bool is_blank(uint32_t line) const;
  bool is_reference_definition(uint32_t line) const;
  bool is_skippable(uint32_t line) const;
  uint32_t fence_line_above(uint32_t line, uint32_t floor) const;
  uint32_t closing_fence_after(uint32_t line) const;
  bool is_fence(uint32_t line) const;
  bool is_setext_underline(uint32_t line) const;

  const LineIndex* lines_ = nullptr;
  const char* input_ = nullptr;
  size_t size_ = 0;
  size_t input_offset_ = 0;
  bool open_ = false;
  std::vector<Entry> entries_;
};

}  // namespace draftmark
