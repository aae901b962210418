#include "api/incremental_renderer.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "api/edit_markers.h"
#include "api/renderer_state.h"
#include "core/block_output.h"
#include "jekyll/kramdown/kramdown_html.h"
#include "text/utf8.h"

// What renders the whole text instead of a slice (each could change blocks outside it; the
// reason goes to EditChanges::why_full, docs/incremental-render-plan.md explains them):
// - no previous render; mode, flags other than source_lines, or site settings changed; text
//   not clean (invalid UTF-8 unless input_is_utf8, NUL, CR line ends, over the size limit);
// - an edit in the front matter, or on line 1 in auto mode (it picks the mode);
// - diagnostics other than the front matter's and local lints (math-disabled is once per
//   document), or the lint cap reached; a slice from line 1 when a lint is there (blocks
//   rendered apart, the footnote list and definition lists, report theirs on line 1);
// - a `]:` that may end a definition's label (edit_markers.h) in the slice or the edited old
//   lines (a definition appears or goes), or a bracketed label in the slice that the text
//   defines (the definitions are not in the slice);
// - Jekyll: a fence made or broken (kramdown's block scan pairs fences over the whole text);
//   Liquid, abbreviation definitions or {:: extensions anywhere; footnotes (numbered by
//   first reference across the text, listed at its end; incremental_footnotes.cpp): a slice
//   whose references are not the old ones in order ("footnotes") or whose definitions are not
//   the old ones ("footnote definitions"), or a `[^` in the slice when the references' places
//   are not known (Liquid);
//   headings in the slice that are not the old ones in order (kramdown numbers duplicate ids
//   across the document, {:toc} lists them); `{:` in the slice while the text defines ALDs or
//   the slice says `toc`;
// - two blank lines in a row or an empty list item anywhere (an md4c list rule reads state
//   from earlier blocks);
// - Jekyll: a definition list in or at the start of the slice (its place in the block list
//   follows reported lines, which a thematic break's are not);
// - a slice starting with a BOM's bytes, or with `---` in Jekyll mode without front matter;
// - no block past the edit matching its old self after kSliceAttempts slices (a fence,
//   comment or math block opened by the edit runs on; a block IAL above the slice).
namespace draftmark {
namespace {

// Blocks past the edit in the first slice; each retry takes four times as many.
constexpr size_t kFirstSliceBlocks = 2;
constexpr int kSliceAttempts = 4;
// How far up the slice's first block is looked for (then the slice starts at the body).
constexpr int kMaxPlacementSteps = 8;
// Bytes of the old text kept on each side of the removed ones: markers are at most 3 bytes.
constexpr size_t kMarkerContext = 3;

constexpr char kBom[] = "\xEF\xBB\xBF";

bool same_site(const SiteSettings& a, const SiteSettings& b) {
  if (a.url != b.url || a.baseurl != b.baseurl || a.title != b.title || a.known_posts != b.known_posts ||
      a.post_defaults_json != b.post_defaults_json || a.lang != b.lang || a.social_name != b.social_name ||
      a.social_link != b.social_link || a.authors.size() != b.authors.size()) {
    return false;
  }
  for (size_t i = 0; i < a.authors.size(); i++) {
    const auto& x = a.authors[i];
    const auto& y = b.authors[i];
    if (x.id != y.id || x.name != y.name || x.url != y.url) return false;
  }
  return true;
}

// Lints about one place in the body (jekyll/kramdown/kramdown_html.cpp): a slice's are the
// whole text's. Others are once per document (math-disabled) or come from Liquid.
bool is_local_lint(const Diagnostic& d) {
  return d.code == "math-markdown" || d.code == "stray-dollar" || d.code == "mermaid-disabled";
}

bool same_diagnostic(const Diagnostic& a, const Diagnostic& b) {
  return a.line == b.line && a.column == b.column && a.severity == b.severity && a.code == b.code &&
         a.message == b.message;
}

}  // namespace

bool IncrementalRenderer::same_inputs(const RenderOptions& options) const {
  return options.mode == options_.mode && options.post_header == options_.post_header &&
         options.word_count == options_.word_count && options.unsafe == options_.unsafe &&
         options.input_is_utf8 == options_.input_is_utf8 &&
         same_site(options.site, options_.site);
}

const RenderResult& IncrementalRenderer::render(std::string_view markdown, const RenderOptions& options) {
  text_.assign(markdown.data(), markdown.size());
  lines_.assign(text_);
  render_full(options);
  return result_;
}

void IncrementalRenderer::set_text(std::string_view markdown) {
  text_.assign(markdown.data(), markdown.size());
  have_ = false;
}

const RenderResult& IncrementalRenderer::render_edit(size_t offset, size_t removed, std::string_view inserted,
                                                     const RenderOptions& options) {
  offset = std::min(offset, text_.size());
  removed = std::min(removed, text_.size() - offset);
  if (!have_) {  // nothing kept to build on: edit the text and render it whole
    text_.replace(offset, removed, inserted.data(), inserted.size());
    lines_.assign(text_);
    render_full(options);
    changes_.why_full = "no previous render";
    return result_;
  }
  const uint32_t old_last_line = lines_.line_of(offset + removed);
  const size_t piece = offset - std::min(offset, kMarkerContext);
  old_piece_.assign(text_, piece, std::min(text_.size(), offset + removed + kMarkerContext) - piece);
  // Whether a `]:` can end a definition depends on the rest of its line: an edit anywhere on
  // it can make a definition go without touching its `]:`.
  const size_t old_lines_begin = lines_.begin(lines_.line_of(offset));
  old_definitions_ = (scan_edit_markers(std::string_view(text_).substr(
                          old_lines_begin, lines_.begin(old_last_line + 1) - old_lines_begin)) &
                      kMarkRefDef) != 0;
  text_.replace(offset, removed, inserted.data(), inserted.size());
  lines_.edit(offset, removed, inserted);
  const char* why_full = try_incremental(offset, removed, inserted.size(), old_last_line, options);
  if (why_full != nullptr) {
    render_full(options);
    changes_.why_full = why_full;
  }
  return result_;
}

void IncrementalRenderer::render_full(const RenderOptions& options) {
  const uint32_t previous = static_cast<uint32_t>(result_.blocks.size());
  RenderOptions raw_options = options;
  raw_options.source_lines = false;
  const RenderResult& r = full_.render(text_, raw_options);
  const Renderer::State& st = *full_.state_;
  have_ = true;
  options_ = options;
  result_.diagnostics = r.diagnostics;
  result_.front_matter_json = r.front_matter_json;
  result_.mode_used = r.mode_used;
  result_.words = r.words;
  result_.words_counted = r.words_counted;

  has_header_ = st.has_header;
  has_tail_ = st.has_tail;
  const size_t first = has_header_ ? 1 : 0;
  const size_t end = r.blocks.size() - (has_tail_ ? 1 : 0);
  header_.clear();
  tail_.clear();
  if (has_header_) {
    header_.assign(r.html, r.blocks[0].html_offset, r.blocks[0].html_length);
    header_first_ = r.blocks[0].line_start;
    header_last_ = r.blocks[0].line_end;
  }
  if (has_tail_) {
    tail_.assign(r.html, r.blocks.back().html_offset, r.blocks.back().html_length);
    tail_line_ = r.blocks.back().line_start;
  }
  raw_.assign(r.html);
  blocks_.clear();
  for (size_t i = first; i < end; i++) {
    const Block& b = r.blocks[i];
    StoredBlock stored{b.line_start, b.line_end, b.hash, b.html_offset, b.html_length, WordTally{}};
    if (i - first < st.tallies.size()) stored.words = st.tallies[i - first];
    blocks_.push_back(stored);
  }
  keep_footnotes(st, r.mode_used == Mode::kJekyll);

  // With input_is_utf8 the renderer trusts the encoding; so does the incremental path then.
  clean_ = text_.size() <= kMaxInputBytes && std::memchr(text_.data(), '\r', text_.size()) == nullptr &&
           std::memchr(text_.data(), 0, text_.size()) == nullptr &&
           (options.input_is_utf8 || check_or_repair_utf8(text_, scratch_));
  doc_markers_ = clean_ ? scan_edit_markers(text_) : 0;
  list_hack_ = clean_ && md4c_list_hack_lines(text_);
  labels_.clear();
  labels_unknown_ = false;
  // Jekyll too: kramdown masks a `[^x]: …` line as a footnote, but md4c can still read one in
  // a list item or quote as a link definition, and a slice may now hold footnote references.
  if ((doc_markers_ & kMarkRefDef) != 0) collect_definition_labels(text_, labels_, labels_unknown_);
  prefix_size_ = 0;
  prefix_lines_ = 0;
  fences_.clear();
  if (r.mode_used == Mode::kJekyll) fences_ = st.jekyll.kramdown_blocks().fences;
  const FrontMatter& fm = st.jekyll.front_matter();
  if (clean_ && r.mode_used == Mode::kJekyll && fm.present) {
    prefix_size_ = (text_.rfind(kBom, 0) == 0 ? 3 : 0) + fm.body_offset;
    prefix_lines_ = lines_.line_of(prefix_size_) - 1;
    // Slices repeat the front matter whole, up to its last line ending.
    if (prefix_size_ == 0 || prefix_size_ > text_.size() || text_[prefix_size_ - 1] != '\n') clean_ = false;
  }
  assemble(options);
  changes_ = EditChanges{false, 0, static_cast<uint32_t>(result_.blocks.size()), previous, "render()"};
}

bool IncrementalRenderer::render_slice(uint32_t first_line, size_t end_offset) {
  slice_text_.assign(text_, 0, prefix_size_);
  const size_t begin = lines_.begin(first_line);
  slice_text_.append(text_, begin, end_offset - begin);
  RenderOptions options = options_;
  options.mode = result_.mode_used;
  options.source_lines = false;
  options.post_header = false;
  options.word_count = false;
  options.input_is_utf8 = true;
  const RenderResult& r = slice_.render(slice_text_, options);
  // The front matter's diagnostics come first (sorted by line) and must be the whole text's.
  size_t i = 0;
  for (; i < r.diagnostics.size() && r.diagnostics[i].line <= prefix_lines_; i++) {
    if (i >= result_.diagnostics.size() || !same_diagnostic(r.diagnostics[i], result_.diagnostics[i])) return false;
  }
  if (i < result_.diagnostics.size() && result_.diagnostics[i].line <= prefix_lines_) return false;
  for (; i < r.diagnostics.size(); i++) {
    if (!is_local_lint(r.diagnostics[i])) return false;
  }
  for (const Block& b : r.blocks) {
    if (b.line_start <= prefix_lines_) return false;
  }
  return true;
}

const char* IncrementalRenderer::try_incremental(size_t offset, size_t removed, size_t inserted_size,
                                                 uint32_t old_last_line, const RenderOptions& options) {
  if (!clean_ || text_.size() > kMaxInputBytes) return "text not clean";
  if (!same_inputs(options)) return "options changed";
  if (std::memchr(text_.data() + offset, '\r', inserted_size) != nullptr) return "text not clean";
  const uint32_t first_line = lines_.line_of(offset);
  const uint32_t new_last_line = lines_.line_of(offset + inserted_size);
  const size_t changed_begin = lines_.begin(first_line);
  const size_t changed_end = lines_.begin(new_last_line + 1);
  const std::string_view changed = std::string_view(text_).substr(changed_begin, changed_end - changed_begin);
  if (std::memchr(changed.data(), 0, changed.size()) != nullptr ||
      (!options.input_is_utf8 && !check_or_repair_utf8(changed, scratch_))) {
    return "text not clean";
  }
  const int64_t delta = static_cast<int64_t>(new_last_line) - static_cast<int64_t>(old_last_line);
  const bool jekyll = result_.mode_used == Mode::kJekyll;
  // The whole text's markers, without scanning it: the old text's (scanned at the last full
  // render, then grown) and the changed lines' (a marker never spans lines). A superset once
  // a marker is deleted, until the next full render scans again.
  const uint32_t doc_markers = doc_markers_ | scan_edit_markers(changed);
  const uint32_t any_doc = doc_markers;
  {
    const size_t around_begin = lines_.begin(first_line > 1 ? first_line - 1 : 1);
    const size_t around_end = lines_.begin(new_last_line + 2);
    list_hack_ = list_hack_ || md4c_list_hack_lines(std::string_view(text_).substr(around_begin, around_end - around_begin));
  }
  if (list_hack_) return "md4c list rule";
  if (jekyll && (any_doc & (kMarkLiquid | kMarkAbbr | kMarkExtension)) != 0) return "document-wide kramdown";
  // kramdown's footnotes are numbered in the text's order and listed in the last block
  // (incremental_footnotes.cpp): with the references' places known, a slice numbers on from
  // its start and must give the old references and definitions back; without, it must hold none.
  const bool footnotes = jekyll && (any_doc & kMarkFootnote) != 0;
  const bool numbered = footnotes && notes_.known;
  // kramdown's block scan (jekyll/kramdown/kramdown_blocks.h) runs over the whole text and
  // tracks fences its own way (not md4c's: a fence inside an HTML block still toggles it), so
  // a fence line the edit makes or breaks can change what it masks far below the slice.
  auto has_fence = [](std::string_view s) {
    return s.find("```") != std::string_view::npos || s.find("~~~") != std::string_view::npos;
  };
  if (jekyll && (has_fence(changed) || has_fence(old_piece_))) return "fences";
  // The scan's state where a slice starts or resumes must be the one a slice starts with.
  auto scanned_fence_at = [&](int64_t line) {  // `line` of the new text
    return in_scanned_fence(static_cast<uint32_t>(line >= first_line && line > new_last_line ? line - delta : line));
  };
  size_t lints = 0;
  for (const Diagnostic& d : result_.diagnostics) {
    if (d.line <= prefix_lines_) continue;
    if (!is_local_lint(d)) return "diagnostics";
    lints++;
  }

  // The slice starts at block p, a block wholly above the edit's first line, and must
  // give block p back unchanged: line ranges come from text positions (core/source_map.h), so
  // a block can be reported to start after its first line (a thematic break, a block after
  // one); p's HTML and lines coming out the same is the proof that the slice starts where the
  // parser's state is the whole text's. Old blocks from j on lie past the edit.
  const size_t n = blocks_.size();
  size_t p = static_cast<size_t>(std::lower_bound(blocks_.begin(), blocks_.end(), first_line,
                                                  [](const StoredBlock& b, uint32_t line) { return b.line_start < line; }) -
                                 blocks_.begin());
  // Near the top the slice starts with the body: a clean start, nothing to check there.
  // p is the last block above the edit's first line, or the one before when that line is in it.
  const size_t above = p > 0 && blocks_[p - 1].line_end < first_line ? 1 : 2;
  bool from_top = p < above;
  p = from_top ? 0 : p - above;
  if (options.mode == Mode::kAuto && first_line == 1) return "mode";  // line 1 picks it
  if (offset < prefix_size_) return "front matter";
  const size_t j = static_cast<size_t>(
      std::upper_bound(blocks_.begin(), blocks_.end(), old_last_line,
                       [](uint32_t line, const StoredBlock& b) { return line < b.line_start; }) -
      blocks_.begin());
  // A `]:` in the removed bytes is judged on its whole old line (old_definitions_): the few
  // bytes kept after it cannot tell what follows it.
  const uint32_t piece_markers =
      (scan_edit_markers(old_piece_) & ~static_cast<uint32_t>(kMarkRefDef)) | (old_definitions_ ? kMarkRefDef : 0u);

  // A block's reported lines are exact only with text and a line between it and the block
  // above: core/source_map.h pushes a block down to the line after the one above, so after
  // a block without text the reported lines can be one block off (and identical blocks, such
  // as duplicate headings, would then match the wrong one).
  auto placed = [&](uint32_t start, uint32_t end_above, std::string_view html) {
    return end_above + 1 < start && has_text(html);
  };
  auto old_placed = [&](size_t i) {
    return placed(blocks_[i].line_start, i > 0 ? blocks_[i - 1].line_end : prefix_lines_,
                  std::string_view(raw_.data() + blocks_[i].raw_offset, blocks_[i].raw_size));
  };
  for (int step = 0; !from_top && !old_placed(p); step++) {
    if (p == 0 || step == kMaxPlacementSteps) {
      from_top = true;
      p = 0;
    } else {
      p--;
    }
  }

  size_t extra = kFirstSliceBlocks;
  for (int attempt = 0; attempt < kSliceAttempts; attempt++) {
    const uint32_t slice_line = from_top ? prefix_lines_ + 1 : blocks_[p].line_start;
    const size_t slice_begin = lines_.begin(slice_line);
    const std::string_view head = std::string_view(text_).substr(slice_begin);
    if (slice_line > 1 && head.rfind(kBom, 0) == 0) return "slice start";
    if (jekyll && scanned_fence_at(slice_line)) return "fences";
    if (jekyll && prefix_size_ == 0 && head.rfind("---", 0) == 0) return "slice start";
    const bool to_end = j + extra >= n;
    const size_t slice_end =
        to_end ? text_.size() : lines_.begin(static_cast<uint32_t>(blocks_[j + extra - 1].line_end + delta) + 1);
    const std::string_view slice = std::string_view(text_).substr(slice_begin, slice_end - slice_begin);
    // An indented fence line past the edit may be a definition's or footnote's continuation
    // line to the scan, depending on the lines above it.
    if (jekyll && indented_fence_line(std::string_view(text_).substr(changed_begin, slice_end - changed_begin))) {
      return "fences";
    }
    const uint32_t markers = scan_edit_markers(slice) | piece_markers;
    // A definition appears or goes, or the slice brackets a defined label (the whole text's
    // definitions are not in the slice).
    if ((markers & kMarkRefDef) != 0 ||
        ((any_doc & kMarkRefDef) != 0 && (markers & kMarkBracket) != 0 &&
         (labels_unknown_ || mentions_label(slice, labels_)))) {
      return "definitions";
    }
    if (footnotes && !numbered && (markers & kMarkFootnote) != 0) return "footnotes";
    if (jekyll && (markers & kMarkIal) != 0 &&
        ((any_doc & kMarkAld) != 0 || slice.find("toc") != std::string_view::npos ||
         old_piece_.find("toc") != std::string::npos)) {
      return "attribute lists";
    }
    // Blocks rendered apart (definition lists, the footnote list) report lints on line 1,
    // which only a slice from line 1 would drop.
    if (slice_line == 1 && !result_.diagnostics.empty() && result_.diagnostics.front().line == 1) return "diagnostics";
    if (jekyll) slice_.state_->jekyll.set_footnote_seed(numbered ? footnote_seed(slice_begin) : nullptr);
    if (!render_slice(slice_line, slice_end)) return "diagnostics";
    const int64_t line_shift = static_cast<int64_t>(slice_line) - 1 - prefix_lines_;
    read_slice(line_shift, slice_line, first_line, new_last_line, delta, jekyll);
    const std::vector<SliceBlock>& r_blocks = slice_blocks_;
    auto slice_html = [&](size_t b) { return r_blocks[b].html; };
    auto same_block = [&](const StoredBlock& old, int64_t old_shift, const SliceBlock& block) {
      return old.line_start + old_shift == block.line_start && old.line_end + old_shift == block.line_end &&
             old.hash == block.hash && old.raw_size == block.html.size() &&
             std::memcmp(raw_.data() + old.raw_offset, block.html.data(), old.raw_size) == 0;
    };
    const bool p_placed = !from_top && old_placed(p);
    if (!from_top && (!p_placed || r_blocks.empty() || !same_block(blocks_[p], 0, r_blocks[0]))) {
      if (p == 0) {
        from_top = true;
      } else {
        p--;  // start one block higher
      }
      continue;
    }
    const size_t first_new = from_top ? 0 : 1;  // slice block 0 is old block p

    // The first slice block past the edit that is an old block, shifted, with the same HTML.
    Splice at{p + first_new, n, first_new, r_blocks.size()};
    bool found = to_end;
    size_t x = j;
    for (size_t b = first_new; b < r_blocks.size(); b++) {
      const int64_t start = r_blocks[b].line_start;
      if (start <= new_last_line) continue;
      while (x < n && blocks_[x].line_start + delta < start) x++;
      if (x >= n) break;
      // Not the slice's last block unless the slice ends the text: a block's lines also come
      // from the block after it (core/source_map.h), which the slice may have cut.
      if ((b + 1 == r_blocks.size() && !to_end) || !same_block(blocks_[x], delta, r_blocks[b])) continue;
      if (jekyll && scanned_fence_at(start)) continue;
      if (!placed(r_blocks[b].line_start, b > 0 ? r_blocks[b - 1].line_end : 0, r_blocks[b].html)) continue;
      at = Splice{p + first_new, x, first_new, b};
      found = true;
      break;
    }
    if (!found) {
      extra *= 4;
      continue;
    }
    // The slice's blocks stand for the text up to old block resume_at (moved).
    const bool resumes = at.resume_at < n;
    const uint32_t old_resume_line = resumes ? blocks_[at.resume_at].line_start : UINT32_MAX;
    const uint32_t new_resume_line = resumes ? static_cast<uint32_t>(old_resume_line + delta) : UINT32_MAX;
    const size_t resume_byte = resumes ? lines_.begin(new_resume_line) : text_.size();
    const size_t old_resume_byte = resume_byte - inserted_size + removed;
    if (numbered) {
      // The list renders again only with the whole text's ALDs (none) and without lints on
      // line 1 (the old list's would stay).
      const bool relist = (any_doc & kMarkAld) == 0 &&
                          (result_.diagnostics.empty() || result_.diagnostics.front().line != 1);
      const char* why = check_footnotes(slice_begin, resume_byte, old_resume_byte, slice_line, new_resume_line,
                                        old_resume_line, line_shift, relist);
      if (why != nullptr) return why;
    }
    // Slice blocks equal to the old ones around them are the old ones: the change is what is left.
    while (at.slice_first < at.slice_end && at.keep_before < at.resume_at &&
           same_block(blocks_[at.keep_before], 0, r_blocks[at.slice_first])) {
      at.keep_before++;
      at.slice_first++;
    }
    while (at.slice_end > at.slice_first && at.resume_at > at.keep_before &&
           same_block(blocks_[at.resume_at - 1], delta, r_blocks[at.slice_end - 1])) {
      at.resume_at--;
      at.slice_end--;
    }
    // kramdown definition lists join md4c's blocks by their reported lines (JekyllPass::finish),
    // and a block without text (a thematic break) is reported on the next line with text: the
    // list order is then not the text's, and a slice can miss a block that starts above it.
    if (jekyll) {
      auto is_dl = [](std::string_view html) { return html.rfind("<dl", 0) == 0; };
      for (size_t i = p; i < at.resume_at; i++) {
        if (is_dl(std::string_view(raw_.data() + blocks_[i].raw_offset, blocks_[i].raw_size))) return "definition lists";
      }
      for (const SliceBlock& b : r_blocks) {
        if (is_dl(b.html)) return "definition lists";
      }
    }
    // kramdown numbers duplicate heading ids across the document and {:toc} lists them all:
    // the slice's blocks with headings must be the old ones, in order.
    if (jekyll) {
      size_t b = at.slice_first;
      for (size_t i = at.keep_before; i < at.resume_at; i++) {
        const std::string_view old(raw_.data() + blocks_[i].raw_offset, blocks_[i].raw_size);
        if (!has_heading(old)) continue;
        while (b < at.slice_end && !has_heading(slice_html(b))) b++;
        if (b == at.slice_end || slice_html(b) != old) return "headings";
        b++;
      }
      while (b < at.slice_end && !has_heading(slice_html(b))) b++;
      if (b < at.slice_end) return "headings";
    }
    // The slice's lints (the front matter's excepted) up to the first block kept.
    const uint32_t resume_line = at.resume_at < n ? static_cast<uint32_t>(blocks_[at.resume_at].line_start + delta)
                                                  : UINT32_MAX;
    size_t slice_lints = 0;
    for (const Diagnostic& d : slice_.state_->result.diagnostics) {
      if (d.line <= prefix_lines_) continue;
      const int64_t line = d.line + line_shift;
      if (line >= resume_line) continue;
      if (line < slice_line) return "diagnostics";
      slice_lints++;
    }
    if (lints + slice_lints >= kMaxLintDiagnostics) return "diagnostics";
    doc_markers_ = doc_markers;
    for (KramdownBlocks::Fence& fence : fences_) {
      if (fence.first > old_last_line) fence.first = static_cast<uint32_t>(fence.first + delta);
      if (fence.last != UINT32_MAX && fence.last > old_last_line) fence.last = static_cast<uint32_t>(fence.last + delta);
    }
    if (footnotes) {  // unnumbered, the slice holds no `[^` (nor did the old bytes there): none in it
      if (!numbered) notes_.clear_findings();
      apply_footnotes(slice_begin, old_resume_byte, slice_line, old_resume_line,
                      static_cast<int64_t>(inserted_size) - static_cast<int64_t>(removed), delta);
    }
    splice(at, delta, options);
    splice_diagnostics(slice_line, resume_line, line_shift, delta);
    return nullptr;
  }
  return "no unchanged block past the edit";
}

bool IncrementalRenderer::in_scanned_fence(uint32_t line) const {
  auto after = std::upper_bound(fences_.begin(), fences_.end(), line,
                                [](uint32_t l, const KramdownBlocks::Fence& f) { return l <= f.first; });
  if (after == fences_.begin()) return false;
  const KramdownBlocks::Fence& fence = *(after - 1);  // the last fence opened above `line`
  return line <= fence.last;
}

}  // namespace draftmark
