// kramdown's HTML, as Jekyll writes it, on the core renderer's dialect hooks: span
// IALs, header ids, task-list classes, footnote references, abbreviations,
// typography, Chirpy's image and table markup, and math only with `math: true`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/html_renderer.h"
#include "jekyll/kramdown/attributes.h"
#include "jekyll/kramdown/jekyll_context.h"
#include "jekyll/kramdown/typography.h"

namespace draftmark {

// Caps how many lint diagnostics one document can produce, so a pathological
// document cannot flood the diagnostics panel.
constexpr size_t kMaxLintDiagnostics = 200;

class KramdownHtml final : public RenderDialect {
 public:
  // The <p>…</p> of an item's first paragraph, as offsets in out: [open, content) and
  // [close, close_end).
  struct ItemParagraph {
    size_t open = 0, content = 0, close = 0, close_end = 0;
  };
  explicit KramdownHtml(JekyllContext& jekyll) : jekyll_(jekyll) {}

  void begin(HtmlWriter& w) override;
  void settle(HtmlWriter& w) override;
  void enter_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail) override;
  void leave_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail) override;
  void enter_span(HtmlWriter& w, MD_SPANTYPE type, void* detail) override;
  void leave_span(HtmlWriter& w, MD_SPANTYPE type, void* detail) override;
  void text(HtmlWriter& w, MD_TEXTTYPE type, const char* text, size_t size) override;
  bool prefix_url(HtmlWriter& w, UrlContext context, std::string_view decoded) override;

 private:
  // Where a span's attributes go if a kramdown span IAL `{:...}` follows it.
  struct OpenSpan {
    MD_SPANTYPE type;
    size_t attr_pos;  // offset in out right after the tag name
  };
  // kramdown marks a list holding tasks (class="task-list") and every item from the
  // first task on.
  struct OpenList {
    size_t attr_pos;
    bool has_task;
    // kramdown writes an item's first paragraph without <p> unless a blank line follows it
    // in the item; a blank line after the last item's only paragraph does not count.
    bool item_fresh = false;       // the current item has no block yet
    bool pending = false;          // `paragraph` is followed by a blank line: keep <p> unless
    ItemParagraph paragraph;       // the list ends with nothing else in the item
  };
  // What one md_parse collects; reset by begin().
  struct ParseState {
    std::vector<OpenSpan> open_spans;
    bool span_just_closed = false;  // the previous callback closed a span an IAL may follow
    OpenSpan closed_span{};
    bool image_tag_open = false;    // `<img ... ` written, waiting for a possible IAL
    std::vector<OpenList> lists;
    // Headings.
    bool in_heading = false;
    size_t heading_attr_pos = 0;
    size_t heading_content_pos = 0;
    std::string heading_text;       // decoded plain text, for the auto id
    uint32_t heading_last_line = 0; // where its text ends (an IAL below may give its id)
    bool in_autolink = false;
    // $$ is display math only when alone in its paragraph (as kramdown).
    size_t paragraph_content_pos = 0;
    bool item_paragraph = false;     // the open paragraph is the first block of a loose item
    ItemParagraph open_item_paragraph;
    size_t math_content_pos = 0;     // where the open $$…$$ span's TeX starts in the output
    const char* text_end = nullptr;  // where the last input text ended (for a hard break)
    int paragraph_display_math = 0;
    bool paragraph_other_content = false;
    bool literal_math = false;      // math spans without `math: true` stay text
    bool in_inline_math = false;    // inside $…$ (kramdown does not protect it)
    size_t math_diagnostic = SIZE_MAX;  // index of a math diagnostic waiting for its line
    uint32_t last_dollar_line = 0;
  };

  void add_lint(uint32_t line, const char* code, const char* message);
  void finish_image(HtmlWriter& w, const AttributeList* ial);
  void open_list_item(HtmlWriter& w, const MD_BLOCK_LI_DETAIL* d);
  void close_heading(HtmlWriter& w, unsigned level);
  void close_paragraph(HtmlWriter& w);
  void note_item_block(HtmlWriter& w, MD_BLOCKTYPE type);
  void close_item_paragraph(HtmlWriter& w);
  void open_math(HtmlWriter& w, bool display);
  void lint_inline_math(HtmlWriter& w, const char* text, size_t size);
  void append_hard_break_spaces(HtmlWriter& w);
  void lint_dollar(HtmlWriter& w, const char* text, size_t size);
  size_t apply_span_ial(HtmlWriter& w, const char* text, size_t size);
  size_t append_footnote_reference(HtmlWriter& w, const char* text, size_t size);
  void append_plain_text(HtmlWriter& w, const char* text, size_t size);
  // `present`: which of kTextSpecials the text holds (kramdown_html.cpp), if known.
  void append_jekyll_text(HtmlWriter& w, const char* text, size_t size, unsigned present = ~0u);

  JekyllContext& jekyll_;
  ParseState s_;
  Typography heading_typography_;  // converts heading_text as kramdown's raw_text has it
};

}  // namespace draftmark
