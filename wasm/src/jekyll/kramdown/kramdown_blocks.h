// Block-level kramdown syntax that md4c does not know, found before md4c runs:
// block IALs and ALDs, footnote definitions, abbreviation definitions, definition
// lists, and the {::comment}, {::nomarkdown} and {::options} extensions.
//
// Each is recorded and then masked: its bytes become spaces (line ends are kept),
// so md4c sees blank lines, and every byte offset and line number of the masked
// text still points at the same place in the original. That keeps the source map
// exact without a second coordinate system.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/line_index.h"
#include "jekyll/kramdown/attributes.h"

namespace draftmark {

// Stands in for the `)` of a `1)` line start, which kramdown does not treat as a list.
constexpr char kParenPlaceholder = '\x01';

struct BlockIal {
  uint32_t line = 0;         // document line of the `{: ...}`
  bool after_block = false;  // directly below a block (applies to it), else to the next block
  AttributeList attrs;
};

struct FootnoteDefinition {
  std::string label;     // ASCII `\w[\w-]*`, as kramdown accepts
  std::string markdown;  // the definition's content with continuation indent removed
  uint32_t first_line = 0;
  uint32_t last_line = 0;
};

// `term` lines directly followed by `: definition` lines (kramdown definition lists).
struct DefinitionItem {
  std::vector<std::string> terms;        // inline Markdown, one per line
  std::vector<std::string> definitions;  // Markdown, continuation indent removed
};

struct DefinitionList {
  uint32_t first_line = 0;
  uint32_t last_line = 0;
  std::vector<DefinitionItem> items;
};

struct Abbreviation {
  std::string term;
  std::string title;
};

struct KramdownBlocks {
  std::vector<BlockIal> ials;
  AldTable alds;
  std::vector<FootnoteDefinition> footnotes;
  std::vector<Abbreviation> abbreviations;
  std::vector<DefinitionList> definition_lists;
  bool auto_ids = true;  // {::options auto_ids="false" /}
  // The fences the scan skipped (it pairs them itself, not as md4c does: a fence line inside
  // an HTML block still opens one): document lines of the opening and closing fence lines,
  // last = UINT32_MAX when unclosed. In line order.
  struct Fence {
    uint32_t first = 0, last = 0;
  };
  std::vector<Fence> fences;
  void clear();
};

// Scans `body` (whose first line is document line `first_line`). `masked` receives a
// copy of `body` with the recognised syntax blanked out. `lines`, if given, indexes the
// text whose end from byte `body_offset` is `body` (the scan then reuses its line starts).
void scan_kramdown_blocks(std::string_view body, uint32_t first_line, std::string& masked,
                          KramdownBlocks& out, const LineIndex* lines = nullptr, size_t body_offset = 0);

}  // namespace draftmark
