// State shared by the renderer's Jekyll-mode behaviour during one render: what the
// block scan and the front matter found (inputs), and what rendering collects
// (headings for ids and the TOC, footnote order, lint diagnostics).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
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

  // Lookups built once per render, so documents with thousands of definitions stay linear.
  std::unordered_map<std::string_view, size_t> footnote_index;       // label -> blocks->footnotes
  std::unordered_map<std::string_view, size_t> abbreviation_index;   // term -> blocks->abbreviations
  std::vector<size_t> abbreviation_lengths;                           // distinct term lengths, longest first
  std::vector<uint32_t> ial_id_lines;  // lines of block IALs that set an id on the block above

  bool has_ial_id_at(uint32_t line) const {
    return std::binary_search(ial_id_lines.begin(), ial_id_lines.end(), line);
  }
  std::vector<Diagnostic> diagnostics;     // lints found while rendering (columns filled later)
  bool reported_math_disabled = false;

  void reset(const KramdownBlocks* kramdown_blocks) {
    blocks = kramdown_blocks;
    heading_ids.reset();
    typography.reset();
    headings.clear();
    footnote_order.clear();
    size_t footnotes = kramdown_blocks ? kramdown_blocks->footnotes.size() : 0;
    footnote_refs.assign(footnotes, 0);
    footnote_number.assign(footnotes, 0);
    footnote_index.clear();
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
      if (std::find(abbreviation_lengths.begin(), abbreviation_lengths.end(), term.size()) ==
          abbreviation_lengths.end()) {
        abbreviation_lengths.push_back(term.size());
      }
    }
    std::sort(abbreviation_lengths.begin(), abbreviation_lengths.end(), std::greater<size_t>());
    diagnostics.clear();
    reported_math_disabled = false;
  }
};

}  // namespace draftmark
