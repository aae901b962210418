// Our HTML renderer on md4c's callback API (shaped like md4c-html, but ours: it
// records top-level block boundaries for the source map, renders math as elements
// for KaTeX, and applies the URL policy).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "source_map.h"

namespace draftmark {

struct JekyllContext;

struct HtmlRenderOptions {
  unsigned md_flags = 0;   // MD_FLAG_* for md_parse
  bool safe_urls = true;   // neutralise javascript:, vbscript:, file:, most data:
  // Jekyll mode: span IALs, header ids, footnote references, typography, Chirpy's
  // images/tables, math only with `math: true`. Null in the other modes.
  JekyllContext* jekyll = nullptr;
};

// Byte range of one top-level block within the rendered HTML.
struct BlockSpan {
  size_t html_begin = 0;
  size_t html_end = 0;
};

// Renders `input` (what md_parse sees) by appending to `out`. `map` is fed the text
// pointers of each top-level block; `blocks` receives one span per top-level block.
// Returns md_parse's result (0 on success).
int render_html(const char* input, size_t size, const HtmlRenderOptions& options,
                std::string& out, SourceMap& map, std::vector<BlockSpan>& blocks);

}  // namespace draftmark
