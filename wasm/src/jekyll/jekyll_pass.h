// The Jekyll dialect's share of one render, around the core's md4c pass:
//   prepare()  front matter, Liquid (liquid/liquid_pass.h), kramdown's block scan (definitions, IALs, footnotes, ...);
//              returns the masked Markdown md4c parses, with the dialect's hooks;
//   finish()   blocks md4c never saw (definition lists, the footnote list) join the
//              others in source order, block IALs are matched to their blocks;
//   then the post header and each block's attributes as the result is assembled.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/html_renderer.h"
#include "core/line_index.h"
#include "core/source_map.h"
#include "draftmark/document.h"
#include "jekyll/kramdown/attributes.h"
#include "jekyll/front_matter/front_matter.h"
#include "jekyll/kramdown/jekyll_context.h"
#include "jekyll/kramdown/kramdown_blocks.h"
#include "jekyll/kramdown/kramdown_html.h"
#include "jekyll/liquid/liquid_pass.h"

namespace draftmark {

class JekyllPass {
 public:
  JekyllPass() : dialect_(context_) {}

  // `body` is the text after any BOM (which is `bom` bytes). Sets `md_offset` to where
  // the returned Markdown starts in the text, or in Liquid's output when the body has
  // Liquid; parsed_lines() indexes whichever that is (finish() maps lines back).
  std::string_view prepare(std::string_view body, const LineIndex& lines, size_t bom, bool unsafe,
                           const SiteSettings& site, RenderResult& result, size_t& md_offset);
  // The line index the source map must read the returned Markdown's offsets with.
  const LineIndex* parsed_lines(const LineIndex& document_lines) const {
    return liquid_active_ ? &liquid_.lines() : &document_lines;
  }
  RenderDialect* dialect() { return &dialect_; }
  // What kramdown's block scan found in the prepared post.
  const KramdownBlocks& kramdown_blocks() const { return kramdown_; }
  // The front matter of the prepared post (present == false when there is none).
  const FrontMatter& front_matter() const { return front_matter_; }
  // `math: true` in the front matter of the prepared post.
  bool math_enabled() const { return context_.math_enabled; }

  // The footnote numbering the next prepare() starts from (nullptr: none, the default); it
  // must live until then. A seeded render writes no footnote list.
  void set_footnote_seed(const FootnoteSeed* seed) { footnote_seed_ = seed; }
  // After finish(): the footnote references the md4c pass rendered (not those in definition
  // lists and footnotes, rendered after it), in order, with the offsets of their `[^` in the
  // text; false when those offsets are unknown or out of the text's order (Liquid rewrote it).
  bool body_footnote_references(std::vector<FootnotePlace>& out) const;
  // After finish(): the numbering the footnote list started from (the references outside
  // footnotes had been rendered), the definitions listed (by first reference), and whether a
  // list was written.
  const FootnoteSeed& footnotes_before_list() const { return before_list_; }
  const std::vector<size_t>& footnote_order() const { return context_.footnote_order; }
  bool wrote_footnote_list() const { return wrote_footnote_list_; }
  // After a seeded render's finish(): the post's footnote list into `html`, from the
  // numbering `before_list` (a full render's footnotes_before_list()) and the post's
  // `definitions` (which the seed's labels name); footnote_order() is then the list's.
  // False when rendering it made diagnostics (the list's are not placed).
  bool render_footnote_list(const FootnoteSeed& before_list, const std::vector<FootnoteDefinition>& definitions,
                            std::string& html);

  // After the md4c pass over the prepared Markdown: `body`, `spans` and `ranges` are
  // the core's output, extended in place.
  void finish(const HtmlRenderOptions& options, const LineIndex& lines, std::string& body,
              std::vector<BlockSpan>& spans, std::vector<LineRange>& ranges,
              std::vector<Diagnostic>& diagnostics);

  // Chirpy's post layout around the content (jekyll/post_layout): the header, whose lines are
  // the front matter's, and the tail; false (and nothing appended) when there is none.
  // `words`: the content's (word_count.h), for the read time.
  bool post_header(const SiteSettings& site, size_t words, bool unsafe, std::string& html,
                   uint32_t& first_line, uint32_t& last_line) const;
  bool post_tail(const SiteSettings& site, size_t words, bool unsafe, std::string& html) const;
  // Block `index`'s HTML with its block IAL attributes (and heading ids) applied, appended to
  // `out`; false (nothing appended) when the block is unchanged.
  bool decorate_block(size_t index, std::string_view block_html, bool unsafe, std::string& out) const;

 private:
  // SiteSettings::post_defaults_json as a tree, or nullptr when it is empty or unreadable.
  const YamlValue* site_defaults(const std::string& json);

  std::string defaults_json_;  // what defaults_ was parsed from
  YamlDocument defaults_;
  FrontMatter front_matter_;
  // What front_matter_ and page_ were made from (empty: nothing reusable), and the
  // diagnostics the parse gave.
  std::string front_matter_source_;
  size_t front_matter_bom_ = 0;
  std::vector<Diagnostic> front_matter_diagnostics_;
  YamlDocument page_;      // the front matter again as a tree, for Liquid's `page`
  bool page_parsed_ = false;
  LiquidPass liquid_;
  bool liquid_active_ = false;
  KramdownBlocks kramdown_;
  std::string masked_;
  JekyllContext context_;
  const FootnoteSeed* footnote_seed_ = nullptr;
  FootnoteSeed before_list_;        // labels left empty
  // What finish() renders blocks md4c never saw with (definition lists, the footnote list).
  void render_fragment(const std::string& fragment, std::string& html);
  HtmlRenderOptions html_options_;
  const LineIndex* fragment_lines_ = nullptr;
  SourceMap detached_;
  std::vector<BlockSpan> detached_spans_;
  size_t md_offset_ = 0;           // where masked_ starts in the text (no Liquid)
  size_t body_references_ = 0;     // of context_.footnote_references, the md4c pass's
  bool wrote_footnote_list_ = false;
  KramdownHtml dialect_;
  std::vector<AttributeList> block_attrs_;  // per top-level block, from block IALs
};

}  // namespace draftmark
