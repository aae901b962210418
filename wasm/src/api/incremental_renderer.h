// Incremental render (issue 16): after an edit, re-render only the top-level blocks the edit
// can have changed and reuse the others, their lines shifted. The result is byte for byte
// what Renderer::render gives for the whole new text (HTML, blocks with hashes and lines,
// diagnostics, front matter JSON, words); tests/incremental/ checks that on thousands of edits.
//
// How: the edit's first changed line L; S = the start of the last block above L (lines up to
// S are unchanged, and a block still starts at S). The new text from line S to a few blocks
// past the edit is rendered alone (in Jekyll mode behind the unchanged front matter) and
// spliced in once one of its blocks past the edit starts where an old block started (shifted)
// with the same HTML and lines: from there on the text and the parser's state are the old
// ones. Anything document-wide renders the whole text instead (the list is in the .cpp).
// kramdown's footnotes (Jekyll) are numbered across the text: a slice starts with the numbering
// the references above it left, and its references and definitions must be the old ones.
//
// Units: offsets and sizes are UTF-8 bytes of the text; lines are 1-based.
// Lifetime: as Renderer's, the result stays valid until the next call on the same object.
//
// Example:
//   draftmark::IncrementalRenderer r;
//   r.render("One\n\nTwo\n\nThree\n", {});         // a full render, kept for the next edit
//   r.render_edit(8, 0, "!", {});                     // "One\n\nTwo!\n\nThree\n"
//   // r.changes(): incremental, first == 1, count == 1, replaced == 1
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <set>
#include <vector>

#include "core/line_starts.h"
#include "draftmark/document.h"
#include "jekyll/kramdown/jekyll_context.h"
#include "jekyll/kramdown/kramdown_blocks.h"
#include "jekyll/post_layout/word_count.h"

namespace draftmark {

// Which blocks of the last result are new. Blocks before `first` are the previous result's
// blocks at the same index, unchanged; the `count` blocks from `first` replace the previous
// result's `replaced` blocks from `first`; the blocks after them are the previous result's
// last ones with the same HTML (and hash) except data-line, moved by the edit's line delta.
struct EditChanges {
  bool incremental = false;  // false: the whole text was rendered
  uint32_t first = 0;
  uint32_t count = 0;
  uint32_t replaced = 0;
  const char* why_full = nullptr;  // a static phrase saying why the whole text was rendered
};

class IncrementalRenderer {
 public:
  // Renders `markdown` whole (as Renderer::render) and keeps it as the base of later edits.
  const RenderResult& render(std::string_view markdown, const RenderOptions& options);
  // Makes `markdown` the current text without rendering it: the next render_edit edits it
  // and renders whole (for a caller that rendered it with a Renderer already).
  void set_text(std::string_view markdown);
  // Replaces `removed` bytes at `offset` of the current text by `inserted` and renders the
  // new text, incrementally when that is exact (see changes()). `offset` and `removed` are
  // clamped to the text; with no text yet, the edit applies to "". `inserted` must not point
  // into text().
  const RenderResult& render_edit(size_t offset, size_t removed, std::string_view inserted,
                                  const RenderOptions& options);

  std::string_view text() const { return text_; }
  const RenderResult& result() const { return result_; }  // the last render's
  const EditChanges& changes() const { return changes_; }

 private:
  // A content block of the last result (header and tail apart): its HTML without data-line
  // is raw_[raw_offset, raw_offset + raw_size).
  struct StoredBlock {
    uint32_t line_start = 0, line_end = 0, hash = 0;
    size_t raw_offset = 0, raw_size = 0;
    WordTally words;
  };
  static constexpr size_t kNotReused = static_cast<size_t>(-1);
  // A block of the slice render, in the text's lines.
  struct SliceBlock {
    uint32_t line_start = 0, line_end = 0, hash = 0;
    std::string_view html;          // into the slice render, or raw_ when reused
    size_t reused = kNotReused;     // the old block whose HTML it takes (an untouched heading)
  };
  // Where a slice render's blocks go in the new block list.
  struct Splice {
    size_t keep_before = 0;  // old blocks [0, keep_before) stay
    size_t resume_at = 0;    // old blocks [resume_at, n) follow the slice's, shifted
    size_t slice_first = 0;  // the slice's blocks [slice_first, slice_end) go between
    size_t slice_end = 0;
  };

  void render_full(const RenderOptions& options);
  // After the edit is applied: renders a slice and splices it in (nullptr), or says why a
  // full render is needed (nothing stored changed then). `old_last_line`: the old text's line holding the
  // first byte after the removed ones.
  const char* try_incremental(size_t offset, size_t removed, size_t inserted_size, uint32_t old_last_line,
                              const RenderOptions& options);
  // Renders the front matter (Jekyll) and the text from `first_line` to `end_offset` into
  // slice_; false when its diagnostics are not the whole text's.
  bool render_slice(uint32_t first_line, size_t end_offset);
  // slice_blocks_ from the slice render (which starts at line slice_line): `line_shift` maps
  // its lines to the text's. Lines before first_line and past new_last_line are unchanged (`delta`: old to new past the edit).
  void read_slice(int64_t line_shift, uint32_t slice_line, uint32_t first_line, uint32_t new_last_line,
                  int64_t delta, bool jekyll);
  // `delta` maps old lines past the edit to new ones.
  void splice(const Splice& at, int64_t delta, const RenderOptions& options);
  void assemble(const RenderOptions& options);  // result_ from the stored blocks
  // result_ after an edit, from the previous one where changes_ says it holds: the blocks
  // before the changed ones, and after them too when their lines did not move, are copied whole.
  void assemble_edit(const RenderOptions& options, bool same_lines_after);
  // Block `i` of the result (header, content blocks, tail) appended to `out`.
  void append_block(size_t i, bool source_lines, RenderResult& out) const;
  // The diagnostics: the old ones above the slice and from `resume_line` (new lines) on, the
  // slice's in between.
  void splice_diagnostics(uint32_t slice_line, uint32_t resume_line, int64_t line_shift, int64_t delta);
  bool same_inputs(const RenderOptions& options) const;

  // Jekyll: kramdown's footnotes across edits (incremental_footnotes.cpp). The list of
  // footnotes is kept apart from blocks_ (it is the last content block); the md4c pass's
  // references are kept with their places, so a slice numbers on from where it starts.
  void keep_footnotes(const Renderer::State& st, bool jekyll);  // after a full render
  // The numbering where a slice starting at byte `slice_begin` starts (the references above it).
  const FootnoteSeed* footnote_seed(size_t slice_begin);
  // After a slice render, the slice's blocks standing for the text's bytes [slice_begin,
  // resume) (the old text's [slice_begin, old_resume)), lines [slice_line, resume_line)
  // (old: up to old_resume_line; UINT32_MAX for the text's end): a reason to render whole
  // unless its footnote references are the old ones (so every number and backlink stays) and
  // its definitions the old ones (so the list stays) but for their text, when `relist`: then
  // the list is rendered again. Keeps what apply_footnotes stores.
  const char* check_footnotes(size_t slice_begin, size_t resume, size_t old_resume, uint32_t slice_line,
                              uint32_t resume_line, uint32_t old_resume_line, int64_t line_shift, bool relist);
  // Stores what check_footnotes found (the same places, in the old text's terms); past it the
  // old places move by `bytes` and `lines`.
  void apply_footnotes(size_t slice_begin, size_t old_resume, uint32_t slice_line, uint32_t old_resume_line,
                       int64_t bytes, int64_t lines);
  // The list's lines from its definitions' and the last block's (as JekyllPass::finish);
  // false when they did not move by `delta` or the list was rendered again.
  bool place_footnote_list(int64_t delta);

  struct Footnotes {
    bool known = false;                          // places known (else a `[^` in a slice renders whole)
    std::vector<FootnotePlace> references;       // the md4c pass's, in the text's order
    std::vector<FootnoteDefinition> definitions; // the text's, with its lines
    std::vector<size_t> order;                   // the listed definitions, by first reference
    FootnoteSeed seed;                           // labels: the definitions'; the rest per slice
    FootnoteSeed before_list;                    // the numbering the list starts from
    bool listed = false;                         // the list block, apart from blocks_:
    std::string html;                            // without data-line
    uint32_t line_start = 0, line_end = 0, hash = 0;
    WordTally words;
    // check_footnotes's findings: the slice's references' offsets and definitions' lines.
    std::vector<size_t> next_offsets;
    std::vector<std::pair<uint32_t, uint32_t>> next_lines;
    std::vector<std::pair<size_t, std::string>> next_texts;  // definitions whose text changed
    bool relisted = false;                                   // and the list rendered again:
    std::string next_html;
    std::vector<size_t> next_order;
    std::vector<FootnoteDefinition> next_definitions;
    std::vector<FootnotePlace> slice_references;
    void clear_findings() {
      next_offsets.clear();
      next_lines.clear();
      next_texts.clear();
      relisted = false;
    }
  };
  Footnotes notes_;
  size_t content_blocks() const { return blocks_.size() + (notes_.listed ? 1 : 0); }

  Renderer full_;   // its state (front matter, post layout) is the last full render's
  Renderer slice_;  // renders the slices
  RenderResult result_, next_result_;
  EditChanges changes_;
  bool have_ = false;           // a text was rendered
  bool clean_ = false;          // the text is well-formed UTF-8 without NUL or CR, not too large
  RenderOptions options_;       // of the last render
  uint32_t doc_markers_ = 0;    // scan_edit_markers of the text
  bool list_hack_ = false;      // md4c_list_hack_lines of the text (the .cpp says why)
  std::set<std::string> labels_;  // collect_definition_labels of the text
  bool labels_unknown_ = false;
  std::string text_;
  std::string old_piece_;       // the removed bytes with kMarkerContext bytes of old text around
  bool old_definitions_ = false;  // the old lines the edit touched may define a link
  LineStarts lines_;            // of text_
  size_t prefix_size_ = 0;      // Jekyll: the front matter's bytes (with a BOM), which every slice repeats
  uint32_t prefix_lines_ = 0;   // and its lines
  std::vector<StoredBlock> blocks_, next_blocks_;
  std::string raw_, next_raw_;
  bool has_header_ = false, has_tail_ = false;
  std::string header_, tail_;   // without data-line
  uint32_t header_first_ = 0, header_last_ = 0;
  uint32_t tail_line_ = 0;      // the text's last line
  std::string slice_text_, scratch_;
  std::vector<Diagnostic> next_diagnostics_;
  std::vector<SliceBlock> slice_blocks_;
  // Jekyll: the fences kramdown's block scan paired at the last full render, in the current
  // text's lines (edits never touch a fence line; the lines past an edit move).
  std::vector<KramdownBlocks::Fence> fences_;
  bool in_scanned_fence(uint32_t line) const;  // the scan is inside a fence when `line` starts
  WordCounter counter_;
};

}  // namespace draftmark
