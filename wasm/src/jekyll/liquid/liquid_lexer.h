// Splits a post body into Liquid tokens the way Liquid 5's Tokenizer does:
//   text, `{{ … }}` (closed at the first `}`, which must be followed by another `}`),
//   `{% … %}` (closed at the first `%}`), and a bare opener that is never closed.
// `{{-`/`{%-` and `-}}`/`-%}` set the trim flags (whitespace control).
//
// Linear time: each closer search starts after the previous token, and a search that
// found nothing is remembered, so 100k unclosed `{%` cost one scan, not 100k.
//
// Example: "a {{- page.title }}" -> text "a ", output (inner "page.title", trim_left).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace draftmark {

struct LiquidToken {
  enum class Kind : uint8_t {
    kText,
    kOutput,        // {{ … }}
    kTag,           // {% name markup %}
    kUnterminated,  // `{{` or `{%` with no closer (the token is the two bytes)
  };
  Kind kind = Kind::kText;
  size_t begin = 0, end = 0;  // bytes of the whole token in the lexed text
  bool trim_left = false, trim_right = false;
  std::string_view inner;   // between delimiters and dashes (outputs and tags)
  std::string_view name;    // tags: `\w+` (or "#") after optional whitespace; empty if none
  std::string_view markup;  // tags: the rest, whitespace-trimmed
};

class LiquidLexer {
 public:
  explicit LiquidLexer(std::string_view text, size_t start = 0) : text_(text), pos_(start) {}
  // The next token from the current position; false at the end of the text.
  bool next(LiquidToken& out);
  size_t position() const { return pos_; }
  void seek(size_t pos) { pos_ = pos; }

 private:
  size_t find_closer(size_t from, bool tag);

  std::string_view text_;
  size_t pos_ = 0;
  // Memo of the last closer search per kind: searched from `from`, found at `at` (npos: none).
  size_t tag_from_ = SIZE_MAX, tag_at_ = 0, out_from_ = SIZE_MAX, out_at_ = 0;
};

// Ruby's String#strip set (plus NUL, which the renderer already replaced).
inline bool is_liquid_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
std::string_view trim_liquid_space(std::string_view s);

}  // namespace draftmark
