#include "core/html_renderer.h"

#include <cstdint>
#include <cstring>

#include "text/json_writer.h"

namespace draftmark {

void append_verbatim(std::string& out, const char* text, size_t size) { out.append(text, size); }

void append_attribute(HtmlWriter& w, const MD_ATTRIBUTE& attr, Escaper escape) {
  for (int i = 0; attr.substr_offsets[i] < attr.size; i++) {
    MD_OFFSET off = attr.substr_offsets[i];
    MD_SIZE size = attr.substr_offsets[i + 1] - off;
    const char* text = attr.text + off;
    switch (attr.substr_types[i]) {
      case MD_TEXT_NULLCHAR: append_utf8_codepoint(*w.out, 0); break;
      case MD_TEXT_ENTITY: append_entity(*w.out, text, size, escape); break;
      default: escape(*w.out, text, size); break;
    }
  }
}

namespace {

void decode_attribute(HtmlWriter& w, const MD_ATTRIBUTE& attr, std::string& into) {
  into.clear();
  std::string* saved = w.out;
  w.out = &into;
  append_attribute(w, attr, append_verbatim);
  w.out = saved;
}

// Writes an href/src value, or nothing when the policy (or the dialect) blocks it.
void append_url(HtmlWriter& w, const MD_ATTRIBUTE& attr, UrlContext url_context) {
  w.map->note_text(attr.text, attr.size);
  decode_attribute(w, attr, w.scratch);
  if (w.options->safe_urls && !is_safe_url(w.scratch, url_context)) return;
  if (w.options->dialect && !w.options->dialect->prefix_url(w, url_context, w.scratch)) return;
  append_attribute(w, attr, append_url_escaped);
}

// Appends "<tag" and records where its attributes would go.
template <size_t N>
void open_tag(HtmlWriter& w, const char (&tag)[N]) {
  w.append(tag);
  w.tag_name_end = w.out->size();
}

void open_code_block(HtmlWriter& w, const MD_BLOCK_CODE_DETAIL* d) {
  open_tag(w, "<pre");
  w.append("><code");
  if (d->lang.text != nullptr) {
    w.append(" class=\"");
    if (d->lang.size < 9 || std::string_view(d->lang.text, 9) != "language-") w.append("language-");
    append_attribute(w, d->lang, append_html_escaped);
    w.append("\"");
  }
  w.append(">");
}

void open_cell(HtmlWriter& w, const char (&tag)[4], const MD_BLOCK_TD_DETAIL* d) {
  open_tag(w, tag);
  switch (d->align) {
    case MD_ALIGN_LEFT: w.append(" align=\"left\">"); break;
    case MD_ALIGN_CENTER: w.append(" align=\"center\">"); break;
    case MD_ALIGN_RIGHT: w.append(" align=\"right\">"); break;
    default: w.append(">"); break;
  }
}

void open_list_item(HtmlWriter& w, const MD_BLOCK_LI_DETAIL* d) {
  open_tag(w, "<li");
  if (!d->is_task) {
    w.append(">");
    return;
  }
  // The same markup as md4c-html's XHTML output, so the two can be compared.
  w.append(" class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"true\"");
  if (d->task_mark == 'x' || d->task_mark == 'X') w.append(" checked=\"true\"");
  w.append(" />");
}

}  // namespace

void open_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail) {
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: open_tag(w, "<blockquote"); w.append(">\n"); break;
    case MD_BLOCK_UL: open_tag(w, "<ul"); w.append(">\n"); break;
    case MD_BLOCK_OL: {
      open_tag(w, "<ol");
      unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
      if (start != 1) {
        w.append(" start=\"");
        append_uint(*w.out, start);
        w.append("\"");
      }
      w.append(">\n");
      break;
    }
    case MD_BLOCK_LI: open_list_item(w, static_cast<MD_BLOCK_LI_DETAIL*>(detail)); break;
    case MD_BLOCK_HR: open_tag(w, "<hr"); w.append(" />\n"); break;
    case MD_BLOCK_H: {
      char tag[4] = {'<', 'h', static_cast<char>('0' + static_cast<MD_BLOCK_H_DETAIL*>(detail)->level), 0};
      open_tag(w, tag);
      w.append(">");
      break;
    }
    case MD_BLOCK_CODE: open_code_block(w, static_cast<MD_BLOCK_CODE_DETAIL*>(detail)); break;
    case MD_BLOCK_HTML: break;
    case MD_BLOCK_P: open_tag(w, "<p"); w.append(">"); break;
    case MD_BLOCK_TABLE: open_tag(w, "<table"); w.append(">\n"); break;
    case MD_BLOCK_THEAD: w.append("<thead>\n"); break;
    case MD_BLOCK_TBODY: w.append("<tbody>\n"); break;
    case MD_BLOCK_TR: w.append("<tr>\n"); break;
    case MD_BLOCK_TH: open_cell(w, "<th", static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
    case MD_BLOCK_TD: open_cell(w, "<td", static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
  }
}

void close_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail) {
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: w.append("</blockquote>\n"); break;
    case MD_BLOCK_UL: w.append("</ul>\n"); break;
    case MD_BLOCK_OL: w.append("</ol>\n"); break;
    case MD_BLOCK_LI: w.append("</li>\n"); break;
    case MD_BLOCK_HR: break;
    case MD_BLOCK_H: {
      unsigned level = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
      char tag[7] = {'<', '/', 'h', static_cast<char>('0' + level), '>', '\n', 0};
      w.append(tag);
      break;
    }
    case MD_BLOCK_CODE: w.append("</code></pre>\n"); break;
    case MD_BLOCK_HTML: break;
    case MD_BLOCK_P: w.append("</p>\n"); break;
    case MD_BLOCK_TABLE: w.append("</table>\n"); break;
    case MD_BLOCK_THEAD: w.append("</thead>\n"); break;
    case MD_BLOCK_TBODY: w.append("</tbody>\n"); break;
    case MD_BLOCK_TR: w.append("</tr>\n"); break;
    case MD_BLOCK_TH: w.append("</th>\n"); break;
    case MD_BLOCK_TD: w.append("</td>\n"); break;
  }
}

void open_span(HtmlWriter& w, MD_SPANTYPE type, void* detail) {
  switch (type) {
    case MD_SPAN_EM: open_tag(w, "<em"); break;
    case MD_SPAN_STRONG: open_tag(w, "<strong"); break;
    case MD_SPAN_U: open_tag(w, "<u"); break;
    case MD_SPAN_A: open_tag(w, "<a"); break;
    case MD_SPAN_IMG: open_tag(w, "<img"); break;
    case MD_SPAN_CODE: open_tag(w, "<code"); break;
    case MD_SPAN_DEL: open_tag(w, "<del"); break;
    case MD_SPAN_LATEXMATH: w.append("<span class=\"math inline\">"); return;
    case MD_SPAN_LATEXMATH_DISPLAY: w.append("<span class=\"math display\">"); return;
    case MD_SPAN_WIKILINK: return;  // never enabled
  }
  if (type == MD_SPAN_A) {
    auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
    w.append(" href=\"");
    append_url(w, d->href, UrlContext::kLink);
    if (d->title.text != nullptr) {
      w.append("\" title=\"");
      append_attribute(w, d->title, append_html_escaped);
    }
    w.append("\">");
  } else if (type == MD_SPAN_IMG) {
    w.append(" src=\"");
    append_url(w, static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src, UrlContext::kImage);
    w.append("\" alt=\"");
  } else {
    w.append(">");
  }
}

void close_span(HtmlWriter& w, MD_SPANTYPE type, void* detail) {
  switch (type) {
    case MD_SPAN_EM: w.append("</em>"); break;
    case MD_SPAN_STRONG: w.append("</strong>"); break;
    case MD_SPAN_U: w.append("</u>"); break;
    case MD_SPAN_A: w.append("</a>"); break;
    case MD_SPAN_IMG: {
      auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      if (d->title.text != nullptr) {
        w.append("\" title=\"");
        append_attribute(w, d->title, append_html_escaped);
      }
      w.append("\" />");
      break;
    }
    case MD_SPAN_CODE: w.append("</code>"); break;
    case MD_SPAN_DEL: w.append("</del>"); break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY: w.append("</span>"); break;
    case MD_SPAN_WIKILINK: break;
  }
}

void write_text(HtmlWriter& w, MD_TEXTTYPE type, const char* text, size_t size) {
  switch (type) {
    case MD_TEXT_NULLCHAR: append_utf8_codepoint(*w.out, 0); break;
    case MD_TEXT_BR: w.append(w.image_nesting == 0 ? "<br />\n" : " "); break;
    case MD_TEXT_SOFTBR: w.append(w.image_nesting == 0 ? "\n" : " "); break;
    case MD_TEXT_HTML: w.out->append(text, size); break;
    case MD_TEXT_ENTITY: append_entity(*w.out, text, size, append_html_escaped); break;
    default: append_html_escaped(*w.out, text, size); break;  // normal text, code, math
  }
}

namespace {

HtmlWriter& writer(void* userdata) { return *static_cast<HtmlWriter*>(userdata); }

int on_enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  HtmlWriter& w = writer(userdata);
  RenderDialect* dialect = w.options->dialect;
  if (dialect) dialect->settle(w);
  if (type != MD_BLOCK_DOC && ++w.depth == 1) {
    SourceMap::Kind kind = SourceMap::Kind::kOther;
    if (type == MD_BLOCK_CODE && static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char != 0) {
      kind = SourceMap::Kind::kFencedCode;
    } else if (type == MD_BLOCK_H) {
      kind = SourceMap::Kind::kHeading;
    }
    w.map->begin_block(kind);
    w.blocks->push_back(BlockSpan{w.out->size(), w.out->size()});
  }
  if (dialect) {
    dialect->enter_block(w, type, detail);
  } else {
    open_block(w, type, detail);
  }
  return 0;
}

int on_leave_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  HtmlWriter& w = writer(userdata);
  RenderDialect* dialect = w.options->dialect;
  if (dialect) {
    dialect->settle(w);
    dialect->leave_block(w, type, detail);
  } else {
    close_block(w, type, detail);
  }
  if (type != MD_BLOCK_DOC && w.depth-- == 1) {
    w.map->end_block();
    w.blocks->back().html_end = w.out->size();
  }
  return 0;
}

int on_enter_span(MD_SPANTYPE type, void* detail, void* userdata) {
  HtmlWriter& w = writer(userdata);
  RenderDialect* dialect = w.options->dialect;
  if (dialect) dialect->settle(w);
  bool inside_image = w.image_nesting > 0;
  if (type == MD_SPAN_IMG) w.image_nesting++;
  if (inside_image) return 0;  // alt text is plain text: no nested tags
  if (dialect) {
    dialect->enter_span(w, type, detail);
  } else {
    open_span(w, type, detail);
  }
  return 0;
}

int on_leave_span(MD_SPANTYPE type, void* detail, void* userdata) {
  HtmlWriter& w = writer(userdata);
  RenderDialect* dialect = w.options->dialect;
  if (dialect) dialect->settle(w);
  if (type == MD_SPAN_IMG) w.image_nesting--;
  if (w.image_nesting > 0) return 0;
  if (dialect) {
    dialect->leave_span(w, type, detail);
  } else {
    close_span(w, type, detail);
  }
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  HtmlWriter& w = writer(userdata);
  w.map->note_text(text, size);
  if (RenderDialect* dialect = w.options->dialect) {
    dialect->text(w, type, text, size);
  } else if (size > 0) {
    write_text(w, type, text, size);
  }
  return 0;
}

}  // namespace

int render_html(const char* input, size_t size, const HtmlRenderOptions& options,
                std::string& out, SourceMap& map, std::vector<BlockSpan>& blocks) {
  HtmlWriter w;
  w.options = &options;
  w.out = &out;
  w.map = &map;
  w.blocks = &blocks;
  if (options.dialect) options.dialect->begin(w);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = options.md_flags;
  parser.enter_block = on_enter_block;
  parser.leave_block = on_leave_block;
  parser.enter_span = on_enter_span;
  parser.leave_span = on_leave_span;
  parser.text = on_text;
  int rc = md_parse(input, static_cast<MD_SIZE>(size), &parser, &w);
  if (options.dialect) options.dialect->settle(w);
  return rc;
}

}  // namespace draftmark
