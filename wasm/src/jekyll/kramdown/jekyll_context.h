// State shared by the renderer's Jekyll-mode behaviour during one render: what the
// block scan and the front matter found (inputs), and what rendering collects
// (headings for ids and the TOC, footnote order, lint diagnostics).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <map>
#include <vector>

#include "draftmark/document.h"
#include "jekyll/kramdown/heading_ids.h"
#include "jekyll/kramdown/kramdown_blocks.h"
#include "jekyll/kramdown/typography.h"

namespace draftmark {

struct HeadingInfo {
  unsigned level = 1;
  std::string id;
  std::string html;  // the heading's inner HTML, for the table of contents
};

// kramdown's footnote numbering where a render of part of a post starts (the slices of
// api/incremental_renderer.h): the post's definitions and what the references above the
// part did to them. With one, references number on from there and no footnote list is
// written (the post's is kept).
struct FootnoteSeed {
  std::vector<std::string> labels;  // of the post's definitions, in order (the first of a label wins)
  std::vector<uint32_t> refs;       // per definition: references above the part
  std::vector<uint32_t> number;     // per definition: 1-based number once referenced, else 0
  std::vector<size_t> order;        // definitions by first reference
};

// A footnote reference as rendered: where its `[^` is and which definition it numbers.
struct FootnoteReference {
  const char* at = nullptr;
  size_t index = 0;  // into the definitions (KramdownBlocks::footnotes, or FootnoteSeed::labels)
};

// The same as a byte offset of the `[^` in the text.
struct FootnotePlace {
  size_t offset = 0;
  size_t index = 0;
};

struct JekyllContext {
  // Inputs.
  const KramdownBlocks* blocks = nullptr;
  bool math_enabled = false;      // front matter `math: true`
  bool mermaid_enabled = false;   // front matter `mermaid: true`
  bool heading_anchors = false;   // Chirpy's refactor-content: a `#` link on h2–h5 (post and page layouts)
  bool unsafe = false;
  std::string media_subpath;      // prefixed to relative image URLs

  // Per-render tools (reset by reset()).
  HeadingIds heading_ids;
  Typography typography;

  // Outputs.
  std::vector<HeadingInfo> headings;
  std::vector<size_t> footnote_order;      // indices into blocks->footnotes, by first reference
  std::vector<uint32_t> footnote_refs;     // reference count per footnote (parallel to blocks->footnotes)
  std::vector<uint32_t> footnote_number;   // 1-based number once referenced, else 0 (parallel)
  std::vector<FootnoteReference> footnote_references;  // in the order they were rendered

  // Lookups built once per render, so documents with thousands of definitions stay fast;
  // std::map rather than unordered_map: the wasm then carries no hash table code (3.7 KB gzip).
  std::map<std::string_view, size_t> footnote_index;       // label -> blocks->footnotes
  std::map<std::string_view, size_t> abbreviation_index;  // term -> blocks->abbreviations
  std::vector<size_t> abbreviation_lengths;                           // distinct term lengths, longest first
  std::vector<uint32_t> ial_id_lines;  // lines of block IALs that set an id on the block above

  bool has_ial_id_at(uint32_t line) const {
    return std::binary_search(ial_id_lines.begin(), ial_id_lines.end(), line);
  }
  std::vector<Diagnostic> diagnostics;     // lints found while rendering (columns filled later)
  bool reported_math_disabled = false;

  // `seed`: the numbering to start from instead of the blocks' definitions (nullptr: none).
  void reset(const KramdownBlocks* kramdown_blocks, const FootnoteSeed* seed = nullptr) {
    blocks = kramdown_blocks;
    heading_ids.reset();
    typography.reset();
    headings.clear();
    footnote_order.clear();
    size_t footnotes = kramdown_blocks ? kramdown_blocks->footnotes.size() : 0;
    footnote_refs.assign(footnotes, 0);
    footnote_number.assign(footnotes, 0);
    footnote_references.clear();
    footnote_index.clear();
    if (seed != nullptr) {
      footnote_order = seed->order;
      footnote_refs = seed->refs;
      footnote_number = seed->number;
      for (size_t i = 0; i < seed->labels.size(); i++) footnote_index.emplace(seed->labels[i], i);
      footnotes = 0;  // the blocks' own definitions are the post's, indexed above
    }
    abbreviation_index.clear();
    abbreviation_lengths.clear();
    ial_id_lines.clear();
    if (kramdown_blocks == nullptr) return;
    for (const BlockIal& ial : kramdown_blocks->ials) {  // already in line order
      if (ial.after_block && !ial.attrs.id.empty()) ial_id_lines.push_back(ial.line);
    }
    for (size_t i = 0; i < footnotes; i++) {
      footnote_index.emplace(kramdown_blocks->footnotes[i].label, i);  // the first definition wins
    }
    const auto& abbreviations = kramdown_blocks->abbreviations;
    for (size_t i = 0; i < abbreviations.size(); i++) {
      const std::string& term = abbreviations[i].term;
      if (term.empty()) continue;
      abbreviation_index[term] = i;  // kramdown: a later definition replaces an earlier one
      // Kept longest first as they come (one entry per distinct length, so few): std::sort's
      // code cost 1 KB of the gzipped wasm.
      auto at = std::find_if(abbreviation_lengths.begin(), abbreviation_lengths.end(),
                             [&term](size_t length) { return length <= term.size(); });
      if (at == abbreviation_lengths.end() || *at != term.size()) abbreviation_lengths.insert(at, term.size());
    }
    diagnostics.clear();
    reported_math_disabled = false;
  }
};

}  // namespace draftmark
