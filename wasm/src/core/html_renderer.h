// Our HTML renderer on md4c's callback API (shaped like md4c-html, but ours: it
// records top-level block boundaries for the source map, renders math as elements
// for KaTeX, and applies the URL policy).
//
// A dialect (Jekyll's kramdown rules live in jekyll/kramdown_html.h) changes what is
// written by overriding RenderDialect's hooks; each hook's default is the plain
// CommonMark/GFM output, so an override writes its variant and calls the default for
// the rest. The core never knows which dialect runs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_map.h"
#include "text/html_escape.h"
#include "text/url_policy.h"

extern "C" {
#include "md4c.h"
}

namespace draftmark {

class RenderDialect;

struct HtmlRenderOptions {
  unsigned md_flags = 0;   // MD_FLAG_* for md_parse
  bool safe_urls = true;   // neutralise javascript:, vbscript:, file:, most data:
  RenderDialect* dialect = nullptr;  // null: plain CommonMark/GFM output
};

// Byte range of one top-level block within the rendered HTML.
struct BlockSpan {
  size_t html_begin = 0;
  size_t html_end = 0;
};

// What the renderer and a dialect share during one md_parse.
struct HtmlWriter {
  const HtmlRenderOptions* options = nullptr;
  std::string* out = nullptr;
  SourceMap* map = nullptr;
  std::vector<BlockSpan>* blocks = nullptr;
  int depth = 0;              // block nesting; 1 = top-level block (inside MD_BLOCK_DOC)
  int image_nesting = 0;      // >0 while inside an image's alt text
  size_t tag_name_end = 0;    // offset in out just past the last opened tag's name,
                              // where attributes can still be inserted
  std::string scratch;        // decoded URL for the policy check

  // A literal's length is known at compile time: no strlen for every tag written.
  template <size_t N>
  void append(const char (&literal)[N]) { out->append(literal, N - 1); }
  void append(std::string_view text) { out->append(text.data(), text.size()); }
};

// The default output of each md4c event; dialect hooks call these for what they keep.
void open_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail);
void close_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail);
void open_span(HtmlWriter& w, MD_SPANTYPE type, void* detail);
void close_span(HtmlWriter& w, MD_SPANTYPE type, void* detail);
void write_text(HtmlWriter& w, MD_TEXTTYPE type, const char* text, size_t size);

// Appends an md4c attribute (a string that may contain entities and NULs) via `escape`.
void append_attribute(HtmlWriter& w, const MD_ATTRIBUTE& attr, Escaper escape);
void append_verbatim(std::string& out, const char* text, size_t size);

class RenderDialect {
 public:
  virtual ~RenderDialect() = default;
  // Start of each md_parse (a document or a fragment of one): reset per-parse state.
  virtual void begin(HtmlWriter&) {}
  // Before every block and span event, and at the end of the parse.
  virtual void settle(HtmlWriter&) {}
  virtual void enter_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail) { open_block(w, type, detail); }
  virtual void leave_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail) { close_block(w, type, detail); }
  // Called outside image alt text only.
  virtual void enter_span(HtmlWriter& w, MD_SPANTYPE type, void* detail) { open_span(w, type, detail); }
  virtual void leave_span(HtmlWriter& w, MD_SPANTYPE type, void* detail) { close_span(w, type, detail); }
  // Every text callback, after the source map has seen it (size may be 0).
  virtual void text(HtmlWriter& w, MD_TEXTTYPE type, const char* text, size_t size) {
    if (size > 0) write_text(w, type, text, size);
  }
  // A link or image URL that passed the policy, before it is written: may write a
  // prefix to w.out; false drops the URL.
  virtual bool prefix_url(HtmlWriter&, UrlContext, std::string_view /*decoded*/) { return true; }
};

// Renders `input` (what md_parse sees) by appending to `out`. `map` is fed the text
// pointers of each top-level block; `blocks` receives one span per top-level block.
// Returns md_parse's result (0 on success).
int render_html(const char* input, size_t size, const HtmlRenderOptions& options,
                std::string& out, SourceMap& map, std::vector<BlockSpan>& blocks);

}  // namespace draftmark
