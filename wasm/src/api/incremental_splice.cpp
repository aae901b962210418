// IncrementalRenderer's second half: a rendered slice joins the kept blocks (read_slice,
// splice, splice_diagnostics) and the result is assembled from them, copying the unchanged
// HTML in one piece where it can (assemble_edit). The first half, incremental_renderer.cpp,
// decides whether and where to slice.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "api/edit_markers.h"
#include "api/incremental_renderer.h"
#include "api/renderer_state.h"
#include "core/block_output.h"

namespace draftmark {

void IncrementalRenderer::append_block(size_t i, bool source_lines, RenderResult& out) const {
  const size_t h = has_header_ ? 1 : 0;
  if (i < h) {
    append_result_block(out, header_, header_first_, header_last_, source_lines);
  } else if (i - h < blocks_.size()) {
    const StoredBlock& b = blocks_[i - h];
    append_result_block(out, std::string_view(raw_).substr(b.raw_offset, b.raw_size), b.line_start, b.line_end,
                        source_lines, b.hash);
  } else if (i - h == blocks_.size() && notes_.listed) {
    append_result_block(out, notes_.html, notes_.line_start, notes_.line_end, source_lines, notes_.hash);
  } else {
    append_result_block(out, tail_, tail_line_, tail_line_, source_lines);
  }
}

void IncrementalRenderer::assemble(const RenderOptions& options) {
  result_.html.clear();
  result_.blocks.clear();
  result_.html.reserve(raw_.size() + header_.size() + tail_.size() + notes_.html.size() + blocks_.size() * 24 + 64);
  const size_t total = (has_header_ ? 1 : 0) + content_blocks() + (has_tail_ ? 1 : 0);
  for (size_t i = 0; i < total; i++) append_block(i, options.source_lines, result_);
}

void IncrementalRenderer::assemble_edit(const RenderOptions& options, bool same_lines_after) {
  if (options.source_lines != options_.source_lines) {
    assemble(options);
    return;
  }
  const RenderResult& old = result_;
  RenderResult& out = next_result_;
  out.html.clear();
  out.blocks.clear();
  out.html.reserve(old.html.size() + 4096);
  const size_t first = changes_.first, end_new = first + changes_.count, end_old = first + changes_.replaced;
  out.html.append(old.html, 0, first < old.blocks.size() ? old.blocks[first].html_offset : old.html.size());
  out.blocks.assign(old.blocks.begin(), old.blocks.begin() + static_cast<std::ptrdiff_t>(first));
  for (size_t i = first; i < end_new; i++) append_block(i, options.source_lines, out);
  if (same_lines_after && end_old < old.blocks.size()) {
    const size_t from = old.blocks[end_old].html_offset;
    const size_t to = out.html.size();
    out.html.append(old.html, from, std::string::npos);
    for (size_t o = end_old; o < old.blocks.size(); o++) {
      out.blocks.push_back(old.blocks[o]);
      out.blocks.back().html_offset = static_cast<uint32_t>(old.blocks[o].html_offset - from + to);
    }
  } else {
    const size_t total = (has_header_ ? 1 : 0) + content_blocks() + (has_tail_ ? 1 : 0);
    for (size_t i = end_new; i < total; i++) append_block(i, options.source_lines, out);
  }
  result_.html.swap(out.html);
  result_.blocks.swap(out.blocks);
}

void IncrementalRenderer::read_slice(int64_t line_shift, uint32_t slice_line, uint32_t first_line,
                                     uint32_t new_last_line, int64_t delta, bool jekyll) {
  const RenderResult& r = slice_.state_->result;
  slice_blocks_.clear();
  for (const Block& block : r.blocks) {
    slice_blocks_.push_back(SliceBlock{static_cast<uint32_t>(block.line_start + line_shift),
                                       static_cast<uint32_t>(block.line_end + line_shift), block.hash,
                                       std::string_view(r.html.data() + block.html_offset, block.html_length),
                                       kNotReused});
  }
  if (!jekyll) return;
  // A heading the edit did not touch keeps its old HTML: its id may be a duplicate's, which
  // kramdown numbers across the document and the slice cannot (the check on the sequence of
  // headings then makes sure none came or went). Untouched also means that no block IAL in
  // the changed lines can apply to it: above them, a blank line comes between (an IAL applies
  // to the block directly above it); below them, another block does, or no `{:` from the
  // slice's start on does (an IAL after a blank line applies to the next block, which the
  // changed lines decide).
  auto blank_between = [&](uint32_t from, uint32_t to) {  // a blank line in (from, to)
    for (uint32_t line = from + 1; line < to; line++) {
      const std::string_view text = std::string_view(text_).substr(lines_.begin(line), lines_.begin(line + 1) - lines_.begin(line));
      if (text.find_first_not_of(" \t\n") == std::string_view::npos) return true;
    }
    return false;
  };
  const bool ial_removed = (scan_edit_markers(old_piece_) & kMarkIal) != 0;
  for (size_t i = 0; i < slice_blocks_.size(); i++) {
    SliceBlock& b = slice_blocks_[i];
    const bool before = b.line_end < first_line && blank_between(b.line_end, first_line);
    bool after = i > 0 && slice_blocks_[i - 1].line_start > new_last_line;
    if (!after && b.line_start > new_last_line && !ial_removed) {
      const size_t from = lines_.begin(slice_line), to = lines_.begin(b.line_start);
      after = (scan_edit_markers(std::string_view(text_).substr(from, to - from)) & kMarkIal) == 0;
    }
    if ((before || after) && has_heading(b.html)) {
      const int64_t shift = after ? delta : 0;
      auto old = std::lower_bound(blocks_.begin(), blocks_.end(), b.line_start - shift,
                                  [](const StoredBlock& s, int64_t line) { return s.line_start < line; });
      if (old != blocks_.end() && old->line_start + shift == b.line_start && old->line_end + shift == b.line_end) {
        const std::string_view old_html(raw_.data() + old->raw_offset, old->raw_size);
        if (has_heading(old_html)) {
          b.html = old_html;
          b.hash = old->hash;
          b.reused = static_cast<size_t>(old - blocks_.begin());
        }
      }
    }
  }
}

void IncrementalRenderer::splice_diagnostics(uint32_t slice_line, uint32_t resume_line, int64_t line_shift,
                                             int64_t delta) {
  const std::vector<Diagnostic>& slice = slice_.state_->result.diagnostics;
  std::vector<Diagnostic>& out = next_diagnostics_;
  out.clear();
  const int64_t old_resume = resume_line == UINT32_MAX ? INT64_MAX : resume_line - delta;
  for (const Diagnostic& d : result_.diagnostics) {  // the front matter's, and the body's above the slice
    if (d.line < slice_line) out.push_back(d);
  }
  for (const Diagnostic& d : slice) {
    const int64_t line = d.line + line_shift;
    if (d.line <= prefix_lines_ || line >= resume_line) continue;
    out.push_back(d);
    out.back().line = static_cast<uint32_t>(line);
  }
  for (const Diagnostic& d : result_.diagnostics) {
    if (d.line < slice_line || d.line < old_resume) continue;
    out.push_back(d);
    out.back().line = static_cast<uint32_t>(d.line + delta);
  }
  result_.diagnostics.swap(out);
}

void IncrementalRenderer::splice(const Splice& at, int64_t delta, const RenderOptions& options) {
  const bool count = result_.words_counted;
  // raw_ only grows here (the slice's blocks go at its end) until it holds twice what the
  // blocks use: then one copy compacts it, so a keystroke copies the text's HTML once (assemble).
  next_blocks_.clear();
  auto keep = [&](const StoredBlock& old, int64_t shift) {
    StoredBlock b = old;
    b.line_start = static_cast<uint32_t>(b.line_start + shift);
    b.line_end = static_cast<uint32_t>(b.line_end + shift);
    next_blocks_.push_back(b);
  };
  for (size_t i = 0; i < at.keep_before; i++) keep(blocks_[i], 0);
  for (size_t i = at.slice_first; i < at.slice_end; i++) {
    const SliceBlock& block = slice_blocks_[i];
    if (block.reused != kNotReused) {  // its HTML is in raw_ already
      StoredBlock b = blocks_[block.reused];
      b.line_start = block.line_start;
      b.line_end = block.line_end;
      next_blocks_.push_back(b);
      continue;
    }
    StoredBlock b{block.line_start, block.line_end, block.hash, raw_.size(), block.html.size(), WordTally{}};
    if (count) b.words = counter_.tally_html(block.html);
    raw_.append(block.html);
    next_blocks_.push_back(b);
  }
  for (size_t i = at.resume_at; i < blocks_.size(); i++) keep(blocks_[i], delta);
  const uint32_t previous = static_cast<uint32_t>(result_.blocks.size());
  blocks_.swap(next_blocks_);
  const size_t old_n = next_blocks_.size();
  // The footnote list follows its definitions and the last block; when that moves it other
  // than by delta, it is among the changed blocks.
  const bool list_kept = place_footnote_list(delta);
  size_t live = 0;
  for (const StoredBlock& b : blocks_) live += b.raw_size;
  if (raw_.size() > 2 * live + (64u << 10)) {
    next_raw_.clear();
    next_raw_.reserve(live);
    for (StoredBlock& b : blocks_) {
      const size_t offset = next_raw_.size();
      next_raw_.append(raw_, b.raw_offset, b.raw_size);
      b.raw_offset = offset;
    }
    raw_.swap(next_raw_);
  }
  if (count) {
    WordCounter total;
    for (const StoredBlock& b : blocks_) total.add(b.words);
    if (notes_.listed) total.add(notes_.words);
    result_.words = total.words();
  }

  const size_t h = has_header_ ? 1 : 0;
  size_t first = h + at.keep_before;
  size_t end_new = h + at.keep_before + (at.slice_end - at.slice_first);
  size_t end_old = h + at.resume_at;
  if (!list_kept) {
    end_new = h + blocks_.size() + 1;
    end_old = h + old_n + 1;
  }
  // Chirpy's header and tail show the words (the front matter and site are the full render's).
  if (options.post_header && result_.mode_used == Mode::kJekyll) {
    const JekyllPass& jekyll = full_.state_->jekyll;
    uint32_t first_line = 0, last_line = 0;
    scratch_.clear();
    const bool header = jekyll.post_header(options.site, result_.words, options.unsafe, scratch_, first_line, last_line);
    if (header != has_header_ || scratch_ != header_) first = 0;
    has_header_ = header;
    header_.swap(scratch_);
    scratch_.clear();
    const bool tail = jekyll.post_tail(options.site, result_.words, options.unsafe, scratch_);
    if (tail != has_tail_ || scratch_ != tail_) {
      end_new = (has_header_ ? 1 : 0) + content_blocks() + (tail ? 1 : 0);
      end_old = previous;
    }
    has_tail_ = tail;
    tail_.swap(scratch_);
  }
  const uint32_t old_tail_line = tail_line_;
  tail_line_ = lines_.count();
  changes_ = EditChanges{true, static_cast<uint32_t>(first), static_cast<uint32_t>(end_new - first),
                         static_cast<uint32_t>(end_old - first), nullptr};
  assemble_edit(options, delta == 0 && tail_line_ == old_tail_line);
  options_ = options;
}

}  // namespace draftmark
