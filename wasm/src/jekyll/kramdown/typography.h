// kramdown's typographic conversions for the text of Jekyll-mode documents: smart quotes
// (parser/kramdown/smart_quotes.rb) and the symbols of typographic_symbol.rb:
//   "---" -> — (em dash)   "--" -> – (en dash)   "..." -> … (ellipsis)
//   "<< " -> «+NBSP        " >>" -> NBSP+»       "<<" -> «       ">>" -> »
// Quotes become ‘ ’ “ ” by kramdown's ten ordered regex rules, which look at the one character
// before the quote (if no other span parser consumed it) and at a few characters after it.
//
// Output form: UTF-8 characters, not entities. kramdown's HTML converter writes entities
// as characters (`entity_output: as_char`) whenever the source string is UTF-8, which it is
// under Jekyll, so published posts contain “ ” – … « » and U+00A0 as characters.
//
// Contract with the renderer (kramdown parses text in one pass per block; md4c hands it
// over in chunks, so the state kramdown keeps implicitly lives in this object):
// - Feed only normal text: not code, math, raw HTML, URLs, attribute values or alt text.
// - Call break_context() at the start of every block and whenever anything other than
//   append() output was written since the last chunk (a tag, an entity, a code span, an
//   image, a footnote marker…): kramdown's parser consumed those, so the next quote does not
//   see the character before them. Example: `*a*"` closes the quote only because of context.
// - Pass `following`: the source bytes right after the chunk in the same block (md4c's text
//   pointers point into the input, so this is input_end - (text + size) bytes, a dozen is
//   plenty). kramdown's rules look ahead into the source, markup included: in `"*a*"` the
//   first quote opens because a `*` follows it. Without it, the chunk end counts as the end
//   of the block.
// - Soft line breaks: append("\n") — kramdown sees the newline as context.
//   Hard line breaks: write "<br />" yourself, then append("\n").
// - Backslash escapes (md4c's text after a `\`): append_literal(), never converted.
//
//   Typography typo;
//   typo.append(out, "It's \"done\"... -- ok", 20)   // It’s “done”… – ok
//
// Known limits: a symbol split across chunks (`-<!-- -->-`) is not joined, and " >>" whose
// space ended the previous chunk becomes "»" without the NBSP.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace draftmark {

class Typography {
 public:
  // Forget all context (start of a document).
  void reset() { context_ = 0; }

  // The next chunk does not continue the text before it (see the contract above).
  void break_context() { context_ = 0; }

  // Appends `text` (UTF-8) to `out`, converted and HTML-escaped (& < > ").
  void append(std::string& out, const char* text, size_t size) { append(out, text, size, {}); }
  void append(std::string& out, const char* text, size_t size, std::string_view following) {
    convert(out, text, size, following, true);
  }

  // Same conversion without HTML escaping: the plain text header ids are made from
  // (HeadingIds::make expects the converted characters, e.g. "--" as "–", which it drops).
  // Use a second Typography object fed the same calls, so both keep their own context.
  void append_plain(std::string& out, const char* text, size_t size, std::string_view following = {}) {
    convert(out, text, size, following, false);
  }

  // A backslash-escaped character: written as is (escaped), never converted, and it
  // consumes the context like any parsed span.
  void append_literal(std::string& out, const char* text, size_t size);
  void append_plain_literal(std::string& out, const char* text, size_t size);

 private:
  void convert(std::string& out, const char* text, size_t size, std::string_view following, bool html);

  // The character before the next chunk if kramdown would still see it as the context of a
  // quote (plain text that no other parser consumed); 0 when there is none.
  char32_t context_ = 0;
};

}  // namespace draftmark
