// What in a text can make an edit's effect reach beyond the blocks around it: the
// byte patterns of document-wide Markdown and kramdown syntax. IncrementalRenderer scans
// the whole text and the re-rendered slice for them and renders more when one is there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <set>

namespace draftmark {

enum EditMarker : uint32_t {
  kMarkBracket = 1u << 0,    // `[`: a link, which a reference definition anywhere can resolve
  kMarkRefDef = 1u << 1,     // `]:` followed on its line by what fits a link definition's
                             // destination and title: a definition may end its label there
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

// The labels of the definitions (`[label]: …`, where what follows `]:` fits a definition) in
// `text`, normalised as CommonMark and
// kramdown match them (ASCII case folded, whitespace runs made one space), so that a slice
// that mentions none of them cannot use one. `unknown` is set when a `]:` has no `[` before it
// on its line or a label is not ASCII (Unicode case folding is not reproduced): then any `[`
// may refer to a definition.
void collect_definition_labels(std::string_view text, std::set<std::string>& labels, bool& unknown);

// Whether a bracketed text of `slice` (from a `[` to the next `]`) is one of `labels`.
bool mentions_label(std::string_view slice, const std::set<std::string>& labels);

// Line-level shapes that make other blocks' output depend on where a slice starts:
// md4c's rule for list items that start with blank lines (two blank lines in a row, or a list
// mark alone on its line); an indented fence line (```, ~~~), which kramdown's block scan may
// read as a definition's or footnote's continuation.
bool md4c_list_hack_lines(std::string_view text);
bool indented_fence_line(std::string_view text);

// Block HTML: holds an <h1>..<h6>; holds any text outside tags (core/source_map.h places a
// block by its text, so one without is reported on the next line that has some).
bool has_heading(std::string_view html);
bool has_text(std::string_view html);

}  // namespace draftmark
