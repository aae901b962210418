// What in a text can make an edit's effect reach beyond the blocks around it: the
// byte patterns of document-wide Markdown and kramdown syntax. IncrementalRenderer scans
// the whole text and the re-rendered slice for them and renders more when one is there.
#pragma once

#include <cstdint>
#include <string_view>

namespace draftmark {

enum EditMarker : uint32_t {
  kMarkBracket = 1u << 0,    // `[`: a link, which a reference definition anywhere can resolve
  kMarkRefDef = 1u << 1,     // `]:`: a link reference, footnote or abbreviation definition
  kMarkFootnote = 1u << 2,   // `[^`: kramdown footnotes are numbered across the document
  kMarkAbbr = 1u << 3,       // `*[` starting a line: a kramdown abbreviation applies to the whole text
  kMarkLiquid = 1u << 4,     // `{{` or `{%`: Liquid runs over the whole text first
  kMarkIal = 1u << 5,        // `{:`: an attribute list (a block IAL may apply to the next block)
  kMarkExtension = 1u << 6,  // `{::`: kramdown extensions ({::options} is document-wide)
  kMarkAld = 1u << 7,        // `{:name:`: an attribute list definition, referenced from anywhere
};

// The markers found in `text` (OR-ed EditMarker bits). Linear; memchr-driven, so a
// megabyte scans in a fraction of a millisecond.
uint32_t scan_edit_markers(std::string_view text);

}  // namespace draftmark
