// The Liquid pass of Jekyll mode: runs a post body's Liquid the way Jekyll does before
// kramdown (so everywhere, code blocks included — wrap code in {% raw %} to keep it).
//
// Supported: {% raw %}, {% comment %}, {% # … %}, whitespace control ({{- -}}, {%- -%}),
// {{ … }} and {% echo … %} outputs (liquid_expression.h, liquid_filters.h), post_url,
// link and Chirpy's embeds (liquid_tags.h), and {% highlight LANG [linenos] %} as a
// fenced code block. Every other tag ({% if %}, {% for %}, {% assign %}, a site
// include, …) becomes a visible marker plus a warning naming it and its line:col;
// unterminated {% raw %} / {% comment %} / {{ / {% get an error and the text still renders.
//
// Lines: the output's line count may differ (a three-line comment disappears, a value
// may hold newlines). Instead of padding, the pass keeps a line map: for each line of
// text(), the first and last document line it came from. The source map reads block
// lines in text() (lines()), and JekyllPass maps them back with input_first_line() /
// input_last_line(), so scroll sync and diagnostics point at the document's lines.
//
// Bounds: the lexer is linear; raw/comment/highlight ends are found by one forward
// scan each, and a failed scan is remembered (a later opener of that kind is then a
// marker), so bad input costs O(n). Diagnostics are capped at kMaxLiquidDiagnostics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/line_index.h"
#include "draftmark/document.h"
#include "jekyll/liquid/liquid_value.h"

namespace draftmark {

// A post with thousands of tags would otherwise list thousands of problems (and the
// final sort is insertion sort): a hundred make the point.
constexpr size_t kMaxLiquidDiagnostics = 100;

// Whether `text` holds `{{` or `{%` anywhere (then Liquid has work to do); one pass.
bool has_liquid_markup(std::string_view text);

class LiquidPass {
 public:
  // `text` is the whole document and `body_offset` where its body starts (after the
  // front matter); `lines` indexes `text`. Returns false, doing nothing else, when the
  // body has no `{{` or `{%`. Otherwise text() is `text` with the body's Liquid run.
  bool run(std::string_view text, size_t body_offset, const LineIndex& lines, const LiquidScope& scope,
           std::string_view media_subpath, bool unsafe, std::vector<Diagnostic>& diagnostics);

  const std::string& text() const { return out_; }
  const LineIndex& lines() const { return out_lines_; }
  // Document lines of line `out_line` of text() (1-based; clamped).
  uint32_t input_first_line(uint32_t out_line) const;
  uint32_t input_last_line(uint32_t out_line) const;

 private:
  struct Segment {
    size_t out_begin;
    size_t in_begin, in_end;  // copied: in_end - in_begin == output length; else replaced
    bool copied;
  };
  void copy(size_t in_begin, size_t in_end);
  void replace(size_t in_begin, size_t in_end, std::string_view with);
  void trim_output_end();
  void build_line_map(const LineIndex& in_lines);

  std::string_view in_;
  std::string out_;
  std::vector<Segment> segments_;
  size_t last_text_out_ = SIZE_MAX;  // where the text node just before starts in out_, if any
  LineIndex out_lines_;
  std::vector<uint32_t> first_, last_;  // per output line (index = line - 1)
  std::string scratch_;
};

}  // namespace draftmark
