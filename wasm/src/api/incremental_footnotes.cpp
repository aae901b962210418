// IncrementalRenderer's share of kramdown's footnotes (Jekyll mode). They are numbered by
// first reference across the post and listed in its last content block, so a slice needs
// the numbering above it (a FootnoteSeed from the kept references' places), and an edit is
// incremental only when the slice's references are the old ones in order (every number and
// backlink id elsewhere stays) and its definitions the old ones (the list's HTML stays; its
// lines follow the definitions and the last block, as JekyllPass::finish places them).
#include <algorithm>
#include <cstdint>

#include "api/incremental_renderer.h"
#include "api/edit_markers.h"
#include "api/renderer_state.h"
#include "core/block_output.h"
#include "jekyll/kramdown/footnotes.h"

namespace draftmark {

void IncrementalRenderer::keep_footnotes(const Renderer::State& st, bool jekyll) {
  Footnotes& n = notes_;
  n.clear_findings();
  n.listed = jekyll && st.jekyll.wrote_footnote_list() && !blocks_.empty();
  n.known = jekyll && st.jekyll.body_footnote_references(n.references);
  if (!n.known) n.references.clear();
  n.definitions.clear();
  n.order.clear();
  n.seed.labels.clear();
  if (!jekyll) return;
  n.definitions = st.jekyll.kramdown_blocks().footnotes;
  n.order = st.jekyll.footnote_order();
  n.before_list = st.jekyll.footnotes_before_list();
  for (const FootnoteDefinition& d : n.definitions) n.seed.labels.push_back(d.label);
  if (!n.listed) return;
  const StoredBlock& list = blocks_.back();
  n.html.assign(raw_, list.raw_offset, list.raw_size);
  n.line_start = list.line_start;
  n.line_end = list.line_end;
  n.hash = list.hash;
  n.words = list.words;
  blocks_.pop_back();
}

const FootnoteSeed* IncrementalRenderer::footnote_seed(size_t slice_begin) {
  FootnoteSeed& seed = notes_.seed;
  seed.refs.assign(seed.labels.size(), 0);
  seed.number.assign(seed.labels.size(), 0);
  seed.order.clear();
  for (const FootnotePlace& r : notes_.references) {
    if (r.offset >= slice_begin) break;
    if (seed.number[r.index] == 0) {
      seed.order.push_back(r.index);
      seed.number[r.index] = static_cast<uint32_t>(seed.order.size());
    }
    seed.refs[r.index]++;
  }
  return &seed;
}

const char* IncrementalRenderer::check_footnotes(size_t slice_begin, size_t resume, size_t old_resume,
                                                 uint32_t slice_line, uint32_t resume_line,
                                                 uint32_t old_resume_line, int64_t line_shift, bool relist) {
  Footnotes& n = notes_;
  JekyllPass& pass = slice_.state_->jekyll;
  n.relisted = false;
  // The references: the slice's (its text is the front matter, then the text from slice_begin).
  if (!pass.body_footnote_references(n.slice_references)) return "footnotes";
  n.next_offsets.clear();
  for (const FootnotePlace& r : n.slice_references) {
    const size_t offset = r.offset - prefix_size_ + slice_begin;
    if (offset >= resume) break;
    n.next_offsets.push_back(offset);
  }
  auto old_first = std::lower_bound(n.references.begin(), n.references.end(), slice_begin,
                                    [](const FootnotePlace& r, size_t at) { return r.offset < at; });
  size_t k = 0;
  for (auto it = old_first; it != n.references.end() && it->offset < old_resume; ++it, ++k) {
    if (k == n.next_offsets.size() || n.slice_references[k].index != it->index) return "footnotes";
  }
  if (k != n.next_offsets.size()) return "footnotes";

  // The definitions: the slice scan's in its lines [slice_line, resume_line) (all of them,
  // as footnotes are never in a slice's blocks) against the old ones there. Only the text of
  // a listed one may differ: the list is rendered again then.
  n.next_lines.clear();
  n.next_texts.clear();
  bool listed_text_changed = false;
  auto old_def = std::lower_bound(n.definitions.begin(), n.definitions.end(), slice_line,
                                  [](const FootnoteDefinition& d, uint32_t line) { return d.first_line < line; });
  for (const FootnoteDefinition& d : pass.kramdown_blocks().footnotes) {
    const int64_t first = d.first_line + line_shift;
    if (first < slice_line) return "footnotes";  // in the front matter: never (it is the old one)
    if (first >= resume_line) break;
    if (old_def == n.definitions.end() || old_def->first_line >= old_resume_line || old_def->label != d.label) {
      return "footnote definitions";
    }
    if (old_def->markdown != d.markdown) {
      const size_t index = static_cast<size_t>(old_def - n.definitions.begin());
      n.next_texts.emplace_back(index, d.markdown);
      listed_text_changed = listed_text_changed || (n.listed && std::find(n.order.begin(), n.order.end(), index) != n.order.end());
    }
    n.next_lines.emplace_back(static_cast<uint32_t>(first), static_cast<uint32_t>(d.last_line + line_shift));
    ++old_def;
  }
  if (old_def != n.definitions.end() && old_def->first_line < old_resume_line) return "footnote definitions";
  if (!listed_text_changed) return nullptr;
  // The list again, from the numbering it started from (the references outside footnotes are
  // the old ones). Headings in it would take ids after the slice's, not the text's.
  if (!relist) return "footnote definitions";
  n.next_definitions = n.definitions;
  for (const auto& [index, text] : n.next_texts) n.next_definitions[index].markdown = text;
  if (!pass.render_footnote_list(n.before_list, n.next_definitions, n.next_html) || has_heading(n.next_html) ||
      has_heading(n.html)) {
    return "footnote definitions";
  }
  n.next_order = pass.footnote_order();
  n.relisted = true;
  return nullptr;
}

void IncrementalRenderer::apply_footnotes(size_t slice_begin, size_t old_resume, uint32_t slice_line,
                                          uint32_t old_resume_line, int64_t bytes, int64_t lines) {
  Footnotes& n = notes_;
  for (const auto& [index, text] : n.next_texts) n.definitions[index].markdown = text;
  if (n.relisted) {
    n.html.swap(n.next_html);
    n.hash = block_hash(n.html.data(), n.html.size());
    n.words = counter_.tally_html(n.html);
    n.order.swap(n.next_order);
  }
  size_t k = 0;  // check_footnotes made sure the counts agree
  for (FootnotePlace& r : n.references) {
    if (r.offset >= old_resume) {
      r.offset = static_cast<size_t>(static_cast<int64_t>(r.offset) + bytes);
    } else if (r.offset >= slice_begin) {
      r.offset = n.next_offsets[k++];
    }
  }
  k = 0;
  for (FootnoteDefinition& d : n.definitions) {
    if (d.first_line >= old_resume_line) {
      d.first_line = static_cast<uint32_t>(d.first_line + lines);
      d.last_line = static_cast<uint32_t>(d.last_line + lines);
    } else if (d.first_line >= slice_line) {
      d.first_line = n.next_lines[k].first;
      d.last_line = n.next_lines[k++].second;
    }
  }
}

bool IncrementalRenderer::place_footnote_list(int64_t delta) {
  Footnotes& n = notes_;
  if (!n.listed) return true;
  uint32_t first = 0, last = 0;
  footnote_list_lines(n.definitions, n.order, lines_.count(), blocks_.empty() ? 0 : blocks_.back().line_end, first,
                      last);
  const bool by_delta = first == n.line_start + delta && last == n.line_end + delta && !n.relisted;
  n.line_start = first;
  n.line_end = last;
  return by_delta;
}

}  // namespace draftmark
