#include "core/source_map.h"

#include <algorithm>

namespace draftmark {

void SourceMap::reset(const LineIndex* lines, const char* input, size_t size, size_t input_offset) {
  lines_ = lines;
  input_ = input;
  size_ = size;
  input_offset_ = input_offset;
  open_ = false;
  entries_.clear();
}

void SourceMap::begin_block(Kind kind) {
  entries_.push_back(Entry{kNone, kNone, kind});
  open_ = true;
}

// The line as md4c saw it (masked syntax blanked), or the original before the buffer.
std::string_view SourceMap::visible_line(uint32_t line) const {
  size_t begin = lines_->line_begin(line);
  if (begin < input_offset_) return lines_->line_text(line);
  size_t end = lines_->line_end(line);
  return std::string_view(input_ + (begin - input_offset_), end - begin);
}

bool SourceMap::is_blank(uint32_t line) const {
  for (char c : visible_line(line)) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// "[label]: destination" at the start of a line (up to 3 spaces of indent).
bool SourceMap::is_reference_definition(uint32_t line) const {
  std::string_view t = visible_line(line);
  size_t i = 0;
  while (i < t.size() && i < 3 && t[i] == ' ') i++;
  if (i >= t.size() || t[i] != '[') return false;
  size_t close = t.find("]:", i + 1);
  return close != std::string_view::npos && close > i + 1;
}

bool SourceMap::is_skippable(uint32_t line) const {
  return is_blank(line) || is_reference_definition(line);
}

bool SourceMap::is_fence(uint32_t line) const {
  std::string_view t = visible_line(line);
  size_t i = t.find_first_not_of(' ');
  return i != std::string_view::npos && i <= 3 && t.size() >= i + 3 &&
         (t.compare(i, 3, "```") == 0 || t.compare(i, 3, "~~~") == 0);
}

bool SourceMap::is_setext_underline(uint32_t line) const {
  std::string_view t = visible_line(line);
  size_t i = t.find_first_not_of(' ');
  if (i == std::string_view::npos || i > 3 || (t[i] != '=' && t[i] != '-')) return false;
  size_t end = t.find_first_not_of(t[i], i);
  return end == std::string_view::npos || t.find_first_not_of(" \t", end) == std::string_view::npos;
}

// The closing fence after `line` (skipping blank code lines md4c does not report),
// or `line` itself when the block is not closed.
uint32_t SourceMap::closing_fence_after(uint32_t line) const {
  uint32_t l = line + 1;
  while (l <= lines_->line_count() && is_blank(l)) l++;
  return l <= lines_->line_count() && is_fence(l) ? l : line;
}

// The nearest line at or above `line` (but above `floor`) that opens a code fence, or 0.
uint32_t SourceMap::fence_line_above(uint32_t line, uint32_t floor) const {
  for (uint32_t l = line; l > floor; l--) {
    if (is_fence(l)) return l;
  }
  return 0;
}

void SourceMap::finish(std::vector<LineRange>& ranges) const {
  const uint32_t line_count = lines_->line_count();
  ranges.assign(entries_.size(), LineRange{});

  // Pass 1: first lines, and the last line each block is known to own so far.
  std::vector<uint32_t> owned(entries_.size());
  const uint32_t max_line = std::max(line_count, 1u);
  // Lines <= floor belong to earlier blocks (or precede the parsed buffer, like front matter).
  uint32_t floor = input_offset_ > 0 ? lines_->line_of(input_offset_) - 1 : 0;
  // The blocks' offsets mostly come a few lines after the last one: a short walk finds them
  // (a binary search each cost more); anything else (a link to a far definition) is searched.
  uint32_t walked = 1;
  auto line_at = [&](size_t offset) {
    uint32_t line = walked;
    if (lines_->line_begin(line) <= offset) {
      for (const uint32_t stop = line + 16; line < stop && line < line_count && lines_->line_begin(line + 1) <= offset;) line++;
      if (line == line_count || lines_->line_begin(line + 1) > offset) return walked = line;
    }
    return walked = lines_->line_of(offset);
  };
  for (size_t i = 0; i < entries_.size(); i++) {
    const Entry& e = entries_[i];
    uint32_t first;
    uint32_t last;
    if (e.min_offset != kNone) {
      first = std::max(line_at(input_offset_ + e.min_offset), floor + 1);
      // Lines above the first text that hold no text of their own (an opening fence,
      // a `$$` line) still belong to the block; code may start with blank lines.
      if (e.kind == Kind::kFencedCode) {
        uint32_t fence = fence_line_above(first - 1, floor);
        if (fence != 0) first = fence;
      }
      while (first - 1 > floor && !is_skippable(first - 1)) first--;
      last = std::max(line_at(input_offset_ + e.max_offset), first);
      // The closing fence (after any blank code lines, which md4c does not report)
      // or a setext underline (directly after the text).
      if (e.kind == Kind::kFencedCode) {
        last = closing_fence_after(last);
      } else if (e.kind == Kind::kHeading && last < line_count && is_setext_underline(last + 1)) {
        last++;
      }
    } else {
      first = floor + 1;
      while (first < line_count && is_skippable(first)) first++;
      last = first;
      if (e.kind == Kind::kFencedCode) last = closing_fence_after(last);  // empty block, closed
    }
    ranges[i].first = std::min(first, max_line);
    owned[i] = std::min(std::max(last, first), max_line);
    floor = owned[i];
  }

  // Pass 2: extend each block over its trailing non-text lines (fences, underlines).
  for (size_t i = 0; i < entries_.size(); i++) {
    uint32_t limit = (i + 1 < entries_.size()) ? ranges[i + 1].first - 1 : line_count;
    uint32_t last = owned[i];
    for (uint32_t l = last + 1; l <= limit; l++) {
      if (!is_skippable(l)) last = l;
    }
    ranges[i].last = std::max(last, ranges[i].first);
  }
}

}  // namespace draftmark
