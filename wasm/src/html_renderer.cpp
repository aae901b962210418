#include "html_renderer.h"

#include <cstdio>

#include "html_escape.h"
#include "url_policy.h"

extern "C" {
#include "md4c.h"
}

namespace draftmark {
namespace {

struct Context {
  const HtmlRenderOptions* options;
  std::string* out;
  SourceMap* map;
  std::vector<BlockSpan>* blocks;
  int depth = 0;              // block nesting; 1 = top-level block (inside MD_BLOCK_DOC)
  int image_nesting = 0;      // >0 while inside an image's alt text
  std::string scratch;        // decoded URL for the policy check
};

void append(Context& c, const char* literal) { c.out->append(literal); }

// Appends an md4c attribute (a string that may contain entities and NULs) via `escape`.
void append_attribute(Context& c, const MD_ATTRIBUTE& attr, Escaper escape) {
  for (int i = 0; attr.substr_offsets[i] < attr.size; i++) {
    MD_OFFSET off = attr.substr_offsets[i];
    MD_SIZE size = attr.substr_offsets[i + 1] - off;
    const char* text = attr.text + off;
    switch (attr.substr_types[i]) {
      case MD_TEXT_NULLCHAR: append_utf8_codepoint(*c.out, 0); break;
      case MD_TEXT_ENTITY: append_entity(*c.out, text, size, escape); break;
      default: escape(*c.out, text, size); break;
    }
  }
}

void append_verbatim(std::string& out, const char* text, size_t size) { out.append(text, size); }

// Writes an href/src value, or nothing when the policy blocks it.
void append_url(Context& c, const MD_ATTRIBUTE& attr, UrlContext url_context) {
  c.map->note_text(attr.text, attr.size);
  if (c.options->safe_urls) {
    c.scratch.clear();
    std::string* saved = c.out;
    c.out = &c.scratch;
    append_attribute(c, attr, append_verbatim);
    c.out = saved;
    if (!is_safe_url(c.scratch, url_context)) return;
  }
  append_attribute(c, attr, append_url_escaped);
}

void open_code_block(Context& c, const MD_BLOCK_CODE_DETAIL* d) {
  append(c, "<pre><code");
  if (d->lang.text != nullptr) {
    append(c, " class=\"");
    if (d->lang.size < 9 || std::string_view(d->lang.text, 9) != "language-") append(c, "language-");
    append_attribute(c, d->lang, append_html_escaped);
    append(c, "\"");
  }
  append(c, ">");
}

void open_cell(Context& c, const char* tag, const MD_BLOCK_TD_DETAIL* d) {
  append(c, tag);
  switch (d->align) {
    case MD_ALIGN_LEFT: append(c, " align=\"left\">"); break;
    case MD_ALIGN_CENTER: append(c, " align=\"center\">"); break;
    case MD_ALIGN_RIGHT: append(c, " align=\"right\">"); break;
    default: append(c, ">"); break;
  }
}

void open_list_item(Context& c, const MD_BLOCK_LI_DETAIL* d) {
  if (!d->is_task) {
    append(c, "<li>");
    return;
  }
  // The same markup as md4c-html's XHTML output, so the two can be compared.
  append(c, "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"true\"");
  if (d->task_mark == 'x' || d->task_mark == 'X') append(c, " checked=\"true\"");
  append(c, " />");
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  if (type != MD_BLOCK_DOC && ++c.depth == 1) {
    SourceMap::Kind kind = SourceMap::Kind::kOther;
    if (type == MD_BLOCK_CODE && static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char != 0) {
      kind = SourceMap::Kind::kFencedCode;
    } else if (type == MD_BLOCK_H) {
      kind = SourceMap::Kind::kHeading;
    }
    c.map->begin_block(kind);
    c.blocks->push_back(BlockSpan{c.out->size(), c.out->size()});
  }
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: append(c, "<blockquote>\n"); break;
    case MD_BLOCK_UL: append(c, "<ul>\n"); break;
    case MD_BLOCK_OL: {
      unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
      if (start == 1) {
        append(c, "<ol>\n");
      } else {
        char buf[40];
        std::snprintf(buf, sizeof buf, "<ol start=\"%u\">\n", start);
        append(c, buf);
      }
      break;
    }
    case MD_BLOCK_LI: open_list_item(c, static_cast<MD_BLOCK_LI_DETAIL*>(detail)); break;
    case MD_BLOCK_HR: append(c, "<hr />\n"); break;
    case MD_BLOCK_H: {
      static const char* const kOpen[] = {"<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>"};
      append(c, kOpen[static_cast<MD_BLOCK_H_DETAIL*>(detail)->level - 1]);
      break;
    }
    case MD_BLOCK_CODE: open_code_block(c, static_cast<MD_BLOCK_CODE_DETAIL*>(detail)); break;
    case MD_BLOCK_HTML: break;
    case MD_BLOCK_P: append(c, "<p>"); break;
    case MD_BLOCK_TABLE: append(c, "<table>\n"); break;
    case MD_BLOCK_THEAD: append(c, "<thead>\n"); break;
    case MD_BLOCK_TBODY: append(c, "<tbody>\n"); break;
    case MD_BLOCK_TR: append(c, "<tr>\n"); break;
    case MD_BLOCK_TH: open_cell(c, "<th", static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
    case MD_BLOCK_TD: open_cell(c, "<td", static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: append(c, "</blockquote>\n"); break;
    case MD_BLOCK_UL: append(c, "</ul>\n"); break;
    case MD_BLOCK_OL: append(c, "</ol>\n"); break;
    case MD_BLOCK_LI: append(c, "</li>\n"); break;
    case MD_BLOCK_HR: break;
    case MD_BLOCK_H: {
      static const char* const kClose[] = {"</h1>\n", "</h2>\n", "</h3>\n", "</h4>\n", "</h5>\n", "</h6>\n"};
      append(c, kClose[static_cast<MD_BLOCK_H_DETAIL*>(detail)->level - 1]);
      break;
    }
    case MD_BLOCK_CODE: append(c, "</code></pre>\n"); break;
    case MD_BLOCK_HTML: break;
    case MD_BLOCK_P: append(c, "</p>\n"); break;
    case MD_BLOCK_TABLE: append(c, "</table>\n"); break;
    case MD_BLOCK_THEAD: append(c, "</thead>\n"); break;
    case MD_BLOCK_TBODY: append(c, "</tbody>\n"); break;
    case MD_BLOCK_TR: append(c, "</tr>\n"); break;
    case MD_BLOCK_TH: append(c, "</th>\n"); break;
    case MD_BLOCK_TD: append(c, "</td>\n"); break;
  }
  if (type != MD_BLOCK_DOC && c.depth-- == 1) {
    c.map->end_block();
    c.blocks->back().html_end = c.out->size();
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  bool inside_image = c.image_nesting > 0;
  if (type == MD_SPAN_IMG) c.image_nesting++;
  if (inside_image) return 0;  // alt text is plain text: no nested tags
  switch (type) {
    case MD_SPAN_EM: append(c, "<em>"); break;
    case MD_SPAN_STRONG: append(c, "<strong>"); break;
    case MD_SPAN_U: append(c, "<u>"); break;
    case MD_SPAN_A: {
      auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
      append(c, "<a href=\"");
      append_url(c, d->href, UrlContext::kLink);
      if (d->title.text != nullptr) {
        append(c, "\" title=\"");
        append_attribute(c, d->title, append_html_escaped);
      }
      append(c, "\">");
      break;
    }
    case MD_SPAN_IMG: {
      auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      append(c, "<img src=\"");
      append_url(c, d->src, UrlContext::kImage);
      append(c, "\" alt=\"");
      break;
    }
    case MD_SPAN_CODE: append(c, "<code>"); break;
    case MD_SPAN_DEL: append(c, "<del>"); break;
    case MD_SPAN_LATEXMATH: append(c, "<span class=\"math inline\">"); break;
    case MD_SPAN_LATEXMATH_DISPLAY: append(c, "<span class=\"math display\">"); break;
    case MD_SPAN_WIKILINK: break;  // never enabled
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void* detail, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  if (type == MD_SPAN_IMG) c.image_nesting--;
  if (c.image_nesting > 0) return 0;
  switch (type) {
    case MD_SPAN_EM: append(c, "</em>"); break;
    case MD_SPAN_STRONG: append(c, "</strong>"); break;
    case MD_SPAN_U: append(c, "</u>"); break;
    case MD_SPAN_A: append(c, "</a>"); break;
    case MD_SPAN_IMG: {
      auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      if (d->title.text != nullptr) {
        append(c, "\" title=\"");
        append_attribute(c, d->title, append_html_escaped);
      }
      append(c, "\" />");
      break;
    }
    case MD_SPAN_CODE: append(c, "</code>"); break;
    case MD_SPAN_DEL: append(c, "</del>"); break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY: append(c, "</span>"); break;
    case MD_SPAN_WIKILINK: break;
  }
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  c.map->note_text(text, size);
  switch (type) {
    case MD_TEXT_NULLCHAR: append_utf8_codepoint(*c.out, 0); break;
    case MD_TEXT_BR: append(c, c.image_nesting == 0 ? "<br />\n" : " "); break;
    case MD_TEXT_SOFTBR: append(c, c.image_nesting == 0 ? "\n" : " "); break;
    case MD_TEXT_HTML: c.out->append(text, size); break;
    case MD_TEXT_ENTITY: append_entity(*c.out, text, size, append_html_escaped); break;
    default: append_html_escaped(*c.out, text, size); break;
  }
  return 0;
}

}  // namespace

int render_html(const char* input, size_t size, const HtmlRenderOptions& options,
                std::string& out, SourceMap& map, std::vector<BlockSpan>& blocks) {
  Context c;
  c.options = &options;
  c.out = &out;
  c.map = &map;
  c.blocks = &blocks;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = options.md_flags;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  return md_parse(input, static_cast<MD_SIZE>(size), &parser, &c);
}

}  // namespace draftmark
