// State shared by the renderer's Jekyll-mode behaviour during one render: what the
// block scan and the front matter found (inputs), and what rendering collects
// (headings for ids and the TOC, footnote order, lint diagnostics).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "draftmark/document.h"
#include "heading_ids.h"
#include "kramdown_blocks.h"
#include "typography.h"

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
  bool unsafe = false;
  std::string media_subpath;      // prefixed to relative image URLs

  // Per-render tools (reset by reset()).
  HeadingIds heading_ids;
  Typography typography;

  // Outputs.
  std::vector<HeadingInfo> headings;
  std::vector<size_t> footnote_order;      // indices into blocks->footnotes, by first reference
  std::vector<uint32_t> footnote_refs;     // reference count per footnote (parallel to blocks->footnotes)
  std::vector<Diagnostic> diagnostics;     // lints found while rendering (columns filled later)
  bool reported_math_disabled = false;

  void reset(const KramdownBlocks* kramdown_blocks) {
    blocks = kramdown_blocks;
    heading_ids.reset();
    typography.reset();
    headings.clear();
    footnote_order.clear();
    footnote_refs.assign(kramdown_blocks ? kramdown_blocks->footnotes.size() : 0, 0);
    diagnostics.clear();
    reported_math_disabled = false;
  }
};

}  // namespace draftmark
