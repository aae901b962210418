#include "html_renderer.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "attributes.h"
#include "html_escape.h"
#include "jekyll_context.h"
#include "json_writer.h"
#include "kramdown_blocks.h"
#include "url_policy.h"

extern "C" {
#include "md4c.h"
}

namespace draftmark {
namespace {

// Where a span's attributes go if a kramdown span IAL `{:...}` follows it.
struct OpenSpan {
  MD_SPANTYPE type;
  size_t attr_pos;  // offset in out right after the tag name
};

struct Context {
  const HtmlRenderOptions* options;
  JekyllContext* jekyll;      // null outside Jekyll mode
  std::string* out;
  SourceMap* map;
  std::vector<BlockSpan>* blocks;
  int depth = 0;              // block nesting; 1 = top-level block (inside MD_BLOCK_DOC)
  int image_nesting = 0;      // >0 while inside an image's alt text
  std::string scratch;        // decoded URL for the policy check

  // Jekyll: span IALs.
  std::vector<OpenSpan> open_spans;
  bool span_just_closed = false;  // the previous callback closed a span an IAL may follow
  OpenSpan closed_span{};
  bool image_tag_open = false;    // `<img ... ` written, waiting for a possible IAL

  // Jekyll: kramdown marks a list holding tasks (class="task-list") and every item
  // from the first task on.
  struct OpenList {
    size_t attr_pos;
    bool has_task;
  };
  std::vector<OpenList> lists;

  // Jekyll: headings.
  bool in_heading = false;
  size_t heading_attr_pos = 0;
  size_t heading_content_pos = 0;
  std::string heading_text;       // decoded plain text, for the auto id
  uint32_t heading_last_line = 0; // where its text ends (an IAL below may give its id)
  Typography heading_typography;  // converts heading_text as kramdown's raw_text has it
  bool in_autolink = false;

  // Jekyll: $$ is display math only when alone in its paragraph (as kramdown).
  size_t paragraph_content_pos = 0;
  int paragraph_display_math = 0;
  bool paragraph_other_content = false;
  bool literal_math = false;      // math spans without `math: true` stay text
  bool in_inline_math = false;    // inside $…$ (kramdown does not protect it)
  size_t math_diagnostic = SIZE_MAX;  // index of a math diagnostic waiting for its line
  uint32_t last_dollar_line = 0;
};

// Caps how many lint diagnostics one document can produce, so a pathological
// document cannot flood the diagnostics panel.
constexpr size_t kMaxLintDiagnostics = 200;

void add_lint(Context& c, uint32_t line, const char* code, const char* message) {
  if (c.jekyll->diagnostics.size() >= kMaxLintDiagnostics) return;
  c.jekyll->diagnostics.push_back(Diagnostic{line, 1, Severity::kWarning, code, message});
}

void append(Context& c, const char* literal) { c.out->append(literal); }
void append_verbatim(std::string& out, const char* text, size_t size) { out.append(text, size); }

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

void decode_attribute(Context& c, const MD_ATTRIBUTE& attr, std::string& into) {
  into.clear();
  std::string* saved = c.out;
  c.out = &into;
  append_attribute(c, attr, append_verbatim);
  c.out = saved;
}

bool is_relative_url(std::string_view url) {
  if (url.empty() || url[0] == '/' || url[0] == '#') return false;
  size_t colon = url.find(':');
  size_t slash = url.find('/');
  return colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon);
}

// Writes an href/src value, or nothing when the policy blocks it.
void append_url(Context& c, const MD_ATTRIBUTE& attr, UrlContext url_context) {
  c.map->note_text(attr.text, attr.size);
  decode_attribute(c, attr, c.scratch);
  if (c.options->safe_urls && !is_safe_url(c.scratch, url_context)) return;
  // Chirpy: `media_subpath` (or `img_path`) prefixes relative image URLs.
  if (c.jekyll && url_context == UrlContext::kImage && !c.jekyll->media_subpath.empty() &&
      is_relative_url(c.scratch)) {
    std::string_view base = c.jekyll->media_subpath;
    // The prefix starts the URL, so it decides the scheme: `media_subpath: javascript:…`
    // must not turn a relative image into script (tests/security attack corpus).
    if (c.options->safe_urls && !is_safe_url(base, url_context)) return;
    append_url_escaped(*c.out, base.data(), base.size());
    if (base.back() != '/') *c.out += '/';
  }
  append_attribute(c, attr, append_url_escaped);
}

// Closes a pending `<img` tag, applying a span IAL if one followed the image.
void finish_image(Context& c, const AttributeList* ial) {
  c.image_tag_open = false;
  if (ial != nullptr) {
    // Chirpy: w/h are the width/height shorthands.
    if (const std::string* w = ial->find("w")) {
      *c.out += " width=\"";
      append_html_escaped(*c.out, w->data(), w->size());
      *c.out += '"';
    }
    if (const std::string* h = ial->find("h")) {
      *c.out += " height=\"";
      append_html_escaped(*c.out, h->data(), h->size());
      *c.out += '"';
    }
    append_attributes(*c.out, *ial, c.jekyll->unsafe, {"w", "h", "src", "alt", "loading"});
  }
  append(c, " loading=\"lazy\" />");
}

// Called at every callback except the text that may carry the IAL.
void settle_pending_span(Context& c) {
  if (c.image_tag_open) finish_image(c, nullptr);
  c.span_just_closed = false;
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
  if (c.jekyll && !c.jekyll->mermaid_enabled && d->lang.size == 7 &&
      std::string_view(d->lang.text, 7) == "mermaid") {
    add_lint(c, c.map->line_of(d->lang.text), "mermaid-disabled",
             "A mermaid block needs `mermaid: true` in the front matter to render on Chirpy.");
  }
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
  if (c.jekyll && !c.lists.empty()) {
    Context::OpenList& list = c.lists.back();
    if (d->is_task && !list.has_task) {
      // Nothing recorded after the list's tag is still in use here, so inserting is safe.
      c.out->insert(list.attr_pos, " class=\"task-list\"");
      list.has_task = true;
    }
    if (!d->is_task && list.has_task) {
      append(c, "<li class=\"task-list-item\">");
      return;
    }
  }
  if (!d->is_task) {
    append(c, "<li>");
    return;
  }
  // The same markup as md4c-html's XHTML output, so the two can be compared.
  append(c, "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"true\"");
  if (d->task_mark == 'x' || d->task_mark == 'X') append(c, " checked=\"true\"");
  append(c, " />");
}

void open_heading(Context& c, unsigned level) {
  char tag[4] = {'<', 'h', static_cast<char>('0' + level), 0};
  append(c, tag);
  if (c.jekyll) {
    c.in_heading = true;
    c.heading_typography.reset();
    c.heading_attr_pos = c.out->size();
    c.heading_text.clear();
  }
  append(c, ">");
  c.heading_content_pos = c.out->size();
}

// `{#custom-id}` at the end of a heading (kramdown's header id syntax).
bool strip_custom_id(std::string& html, size_t content_pos, std::string& id) {
  size_t end = html.size();
  while (end > content_pos && html[end - 1] == ' ') end--;
  if (end == content_pos || html[end - 1] != '}') return false;
  size_t open = html.rfind("{#", end);
  if (open == std::string::npos || open < content_pos) return false;
  std::string_view candidate(html.data() + open + 2, end - 1 - (open + 2));
  if (candidate.empty() || !std::isalpha(static_cast<unsigned char>(candidate[0]))) return false;
  for (char ch : candidate) {
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == ':')) return false;
  }
  id.assign(candidate);
  size_t cut = open;
  while (cut > content_pos && html[cut - 1] == ' ') cut--;
  html.resize(cut);
  return true;
}

void close_heading_jekyll(Context& c, unsigned level) {
  JekyllContext& j = *c.jekyll;
  c.in_heading = false;
  std::string id;
  if (!strip_custom_id(*c.out, c.heading_content_pos, id)) {
    size_t brace = c.heading_text.rfind("{#");
    if (brace != std::string::npos) c.heading_text.resize(brace);
    if (j.blocks->auto_ids && !j.has_ial_id_at(c.heading_last_line + 1)) id = j.heading_ids.make(c.heading_text);
  }
  HeadingInfo info;
  info.level = level;
  info.html.assign(*c.out, c.heading_content_pos, std::string::npos);
  if (!id.empty()) {
    std::string attr = " id=\"";
    append_html_escaped(attr, id.data(), id.size());
    attr += '"';
    c.out->insert(c.heading_attr_pos, attr);
  }
  info.id = std::move(id);
  j.headings.push_back(std::move(info));
}

// A paragraph whose only content is one $$…$$ span is display math; otherwise any
// $$…$$ in it is inline, as kramdown decides.
void close_paragraph_jekyll(Context& c) {
  if (c.paragraph_display_math == 0) return;
  if (c.paragraph_display_math == 1 && !c.paragraph_other_content) return;
  static const std::string kDisplay = "<span class=\"math display\">";
  static const std::string kInline = "<span class=\"math inline\">";
  size_t at = c.paragraph_content_pos;
  while ((at = c.out->find(kDisplay, at)) != std::string::npos) {
    c.out->replace(at, kDisplay.size(), kInline);
    at += kInline.size();
  }
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  settle_pending_span(c);
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
    case MD_BLOCK_UL:
      append(c, "<ul");
      c.lists.push_back(Context::OpenList{c.out->size(), false});
      append(c, ">\n");
      break;
    case MD_BLOCK_OL: {
      append(c, "<ol");
      c.lists.push_back(Context::OpenList{c.out->size(), false});
      unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
      if (start != 1) {
        append(c, " start=\"");
        append_uint(*c.out, start);
        append(c, "\"");
      }
      append(c, ">\n");
      break;
    }
    case MD_BLOCK_LI: open_list_item(c, static_cast<MD_BLOCK_LI_DETAIL*>(detail)); break;
    case MD_BLOCK_HR: append(c, "<hr />\n"); break;
    case MD_BLOCK_H: open_heading(c, static_cast<MD_BLOCK_H_DETAIL*>(detail)->level); break;
    case MD_BLOCK_CODE: open_code_block(c, static_cast<MD_BLOCK_CODE_DETAIL*>(detail)); break;
    case MD_BLOCK_HTML: break;
    case MD_BLOCK_P:
      append(c, "<p>");
      c.paragraph_content_pos = c.out->size();
      c.paragraph_display_math = 0;
      c.paragraph_other_content = false;
      break;
    case MD_BLOCK_TABLE:
      // Chirpy wraps tables so wide ones scroll.
      append(c, c.jekyll ? "<div class=\"table-wrapper\"><table>\n" : "<table>\n");
      break;
    case MD_BLOCK_THEAD: append(c, "<thead>\n"); break;
    case MD_BLOCK_TBODY: append(c, "<tbody>\n"); break;
    case MD_BLOCK_TR: append(c, "<tr>\n"); break;
    case MD_BLOCK_TH: open_cell(c, "<th", static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
    case MD_BLOCK_TD: open_cell(c, "<td", static_cast<MD_BLOCK_TD_DETAIL*>(detail)); break;
  }
  if (c.jekyll) c.jekyll->typography.break_context();
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  settle_pending_span(c);
  switch (type) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: append(c, "</blockquote>\n"); break;
    case MD_BLOCK_UL:
      append(c, "</ul>\n");
      c.lists.pop_back();
      break;
    case MD_BLOCK_OL:
      append(c, "</ol>\n");
      c.lists.pop_back();
      break;
    case MD_BLOCK_LI: append(c, "</li>\n"); break;
    case MD_BLOCK_HR: break;
    case MD_BLOCK_H: {
      unsigned level = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
      if (c.jekyll) close_heading_jekyll(c, level);
      char tag[7] = {'<', '/', 'h', static_cast<char>('0' + level), '>', '\n', 0};
      append(c, tag);
      break;
    }
    case MD_BLOCK_CODE: append(c, "</code></pre>\n"); break;
    case MD_BLOCK_HTML: break;
    case MD_BLOCK_P:
      if (c.jekyll) close_paragraph_jekyll(c);
      append(c, "</p>\n");
      break;
    case MD_BLOCK_TABLE: append(c, c.jekyll ? "</table></div>\n" : "</table>\n"); break;
    case MD_BLOCK_THEAD: append(c, "</thead>\n"); break;
    case MD_BLOCK_TBODY: append(c, "</tbody>\n"); break;
    case MD_BLOCK_TR: append(c, "</tr>\n"); break;
    case MD_BLOCK_TH: append(c, "</th>\n"); break;
    case MD_BLOCK_TD: append(c, "</td>\n"); break;
  }
  if (c.jekyll) c.jekyll->typography.break_context();
  if (type != MD_BLOCK_DOC && c.depth-- == 1) {
    c.map->end_block();
    c.blocks->back().html_end = c.out->size();
  }
  return 0;
}

void open_math(Context& c, bool display) {
  if (c.jekyll && !c.jekyll->math_enabled) {
    c.literal_math = true;
    if (!c.jekyll->reported_math_disabled) {
      c.jekyll->reported_math_disabled = true;
      c.math_diagnostic = c.jekyll->diagnostics.size();
      add_lint(c, 1, "math-disabled", "Math needs `math: true` in the front matter: Chirpy will show it as plain text.");
    }
    append(c, display ? "$$" : "$");
    return;
  }
  if (display) c.paragraph_display_math++;
  c.in_inline_math = c.jekyll && !display;
  append(c, display ? "<span class=\"math display\">" : "<span class=\"math inline\">");
}

int enter_span(MD_SPANTYPE type, void* detail, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  settle_pending_span(c);
  bool inside_image = c.image_nesting > 0;
  if (type == MD_SPAN_IMG) c.image_nesting++;
  if (inside_image) return 0;  // alt text is plain text: no nested tags
  if (type != MD_SPAN_LATEXMATH && type != MD_SPAN_LATEXMATH_DISPLAY) c.paragraph_other_content = true;
  switch (type) {
    case MD_SPAN_EM: append(c, "<em"); break;
    case MD_SPAN_STRONG: append(c, "<strong"); break;
    case MD_SPAN_U: append(c, "<u"); break;
    case MD_SPAN_A: append(c, "<a"); break;
    case MD_SPAN_IMG: append(c, "<img"); break;
    case MD_SPAN_CODE: append(c, "<code"); break;
    case MD_SPAN_DEL: append(c, "<del"); break;
    case MD_SPAN_LATEXMATH: open_math(c, false); return 0;
    case MD_SPAN_LATEXMATH_DISPLAY: open_math(c, true); return 0;
    case MD_SPAN_WIKILINK: return 0;  // never enabled
  }
  if (c.jekyll) c.open_spans.push_back(OpenSpan{type, c.out->size()});
  if (type == MD_SPAN_A) {
    auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
    c.in_autolink = d->is_autolink != 0;
    append(c, " href=\"");
    append_url(c, d->href, UrlContext::kLink);
    if (d->title.text != nullptr) {
      append(c, "\" title=\"");
      append_attribute(c, d->title, append_html_escaped);
    }
    append(c, "\">");
  } else if (type == MD_SPAN_IMG) {
    append(c, " src=\"");
    append_url(c, static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src, UrlContext::kImage);
    append(c, "\" alt=\"");
  } else {
    append(c, ">");
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void* detail, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  settle_pending_span(c);
  if (type == MD_SPAN_IMG) c.image_nesting--;
  if (c.image_nesting > 0) return 0;
  switch (type) {
    case MD_SPAN_EM: append(c, "</em>"); break;
    case MD_SPAN_STRONG: append(c, "</strong>"); break;
    case MD_SPAN_U: append(c, "</u>"); break;
    case MD_SPAN_A:
      append(c, "</a>");
      c.in_autolink = false;
      break;
    case MD_SPAN_IMG: {
      auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      if (d->title.text != nullptr) {
        append(c, "\" title=\"");
        append_attribute(c, d->title, append_html_escaped);
      }
      if (c.jekyll) {
        append(c, "\"");
        c.image_tag_open = true;  // closed by finish_image, maybe with an IAL
      } else {
        append(c, "\" />");
      }
      break;
    }
    case MD_SPAN_CODE: append(c, "</code>"); break;
    case MD_SPAN_DEL: append(c, "</del>"); break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
      c.in_inline_math = false;
      if (c.literal_math) {
        c.literal_math = false;
        append(c, type == MD_SPAN_LATEXMATH_DISPLAY ? "$$" : "$");
      } else {
        append(c, "</span>");
      }
      return 0;
    case MD_SPAN_WIKILINK: return 0;
  }
  if (c.jekyll && !c.open_spans.empty()) {
    c.closed_span = c.open_spans.back();
    c.open_spans.pop_back();
    c.span_just_closed = true;
    c.jekyll->typography.break_context();
  }
  return 0;
}

// kramdown does not know $…$: it runs Markdown inside, so emphasis markers and
// backslash escapes in the TeX are changed before MathJax sees them.
void lint_inline_math(Context& c, const char* text, size_t size) {
  int stars = 0, underscores = 0;
  bool escape = false;
  for (size_t i = 0; i < size; i++) {
    stars += text[i] == '*';
    underscores += text[i] == '_';
    if (text[i] == '\\' && i + 1 < size && std::strchr("\\{}_*|#!`[]()", text[i + 1]) != nullptr) escape = true;
  }
  if (stars >= 2 || underscores >= 2 || escape) {
    add_lint(c, c.map->line_of(text), "math-markdown",
             "kramdown processes Markdown inside $…$ (emphasis, backslash escapes): use $$…$$ to protect this formula.");
  }
}

// In a `math: true` post a stray `$` (a price) may be paired with another by MathJax.
void lint_dollar(Context& c, const char* text, size_t size) {
  if (std::memchr(text, '$', size) == nullptr) return;
  uint32_t line = c.map->line_of(text);
  if (line == c.last_dollar_line) return;
  c.last_dollar_line = line;
  add_lint(c, line, "stray-dollar", "A `$` outside math: MathJax may treat the text up to the next `$` as math; write \\$.");
}

// A span IAL `{:...}` directly after a closed span: apply it. Returns bytes consumed.
size_t apply_span_ial(Context& c, const char* text, size_t size) {
  AttributeList ial;
  size_t n = match_ial(std::string_view(text, size), ial);
  if (n == 0) return 0;
  c.jekyll->blocks->alds.resolve(ial);
  if (c.closed_span.type == MD_SPAN_IMG && c.image_tag_open) {
    finish_image(c, &ial);
  } else {
    std::string attrs;
    append_attributes(attrs, ial, c.jekyll->unsafe, {"href"});
    c.out->insert(c.closed_span.attr_pos, attrs);
  }
  c.span_just_closed = false;
  return n;
}

// `[^label]` for a defined footnote: kramdown's reference markup. Returns bytes consumed.
size_t append_footnote_reference(Context& c, const char* text, size_t size) {
  if (size < 4 || text[0] != '[' || text[1] != '^') return 0;
  size_t i = 2;
  while (i < size && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '-')) i++;
  if (i == 2 || i >= size || text[i] != ']') return 0;
  std::string_view label(text + 2, i - 2);
  JekyllContext& j = *c.jekyll;
  auto found = j.footnote_index.find(label);
  if (found == j.footnote_index.end()) return 0;  // undefined: stays text, as in kramdown
  size_t index = found->second;
  if (j.footnote_number[index] == 0) {
    j.footnote_order.push_back(index);
    j.footnote_number[index] = static_cast<uint32_t>(j.footnote_order.size());
  }
  size_t number = j.footnote_number[index];
  uint32_t repeat = j.footnote_refs[index]++;
  std::string id(label);
  if (repeat > 0) {
    id += ':';
    append_uint(id, repeat);
  }
  *c.out += "<sup id=\"fnref:";
  append_html_escaped(*c.out, id.data(), id.size());
  *c.out += "\" role=\"doc-noteref\"><a href=\"#fn:";
  append_html_escaped(*c.out, label.data(), label.size());
  *c.out += "\" class=\"footnote\" rel=\"footnote\">";
  append_uint(*c.out, number);
  *c.out += "</a></sup>";
  return i + 1;
}

bool is_word_byte(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; }

// Typographic text with kramdown abbreviations (`*[HTML]: …`) wrapped in <abbr>.
void append_plain_text(Context& c, const char* text, size_t size) {
  JekyllContext& j = *c.jekyll;
  // kramdown makes ids from the typographic text (footnote markers left out).
  if (c.in_heading) c.heading_typography.append_plain(c.heading_text, text, size);
  const auto& abbreviations = j.blocks->abbreviations;
  if (abbreviations.empty()) {
    j.typography.append(*c.out, text, size);
    return;
  }
  std::string_view s(text, size);
  size_t begin = 0;
  for (size_t i = 0; i < size; i++) {
    if (i > 0 && is_word_byte(s[i - 1])) continue;
    // One hash lookup per distinct term length, longest first.
    for (size_t length : j.abbreviation_lengths) {
      if (length > size - i) continue;
      size_t end = i + length;
      if (end < size && is_word_byte(s[end])) continue;
      auto found = j.abbreviation_index.find(s.substr(i, length));
      if (found == j.abbreviation_index.end()) continue;
      const Abbreviation& a = abbreviations[found->second];
      j.typography.append(*c.out, text + begin, i - begin);
      *c.out += "<abbr title=\"";
      append_html_escaped(*c.out, a.title.data(), a.title.size());
      *c.out += "\">";
      append_html_escaped(*c.out, a.term.data(), a.term.size());
      *c.out += "</abbr>";
      j.typography.break_context();
      begin = end;
      i = end - 1;
      break;
    }
  }
  j.typography.append(*c.out, text + begin, size - begin);
}

// A span-level `{::comment}…{:/comment}` (or `{:/}`) inside one text run: kramdown drops it.
size_t span_comment_length(const char* text, size_t size) {
  std::string_view s(text, size);
  if (s.rfind("{::comment}", 0) != 0) return 0;
  size_t close = s.find("{:/", 11);
  if (close == std::string_view::npos) return 0;
  if (s.compare(close, 4, "{:/}") == 0) return close + 4;
  if (s.compare(close, 11, "{:/comment}") == 0) return close + 11;
  return 0;
}

void append_jekyll_text(Context& c, const char* text, size_t size) {
  JekyllContext& j = *c.jekyll;
  if (const void* brace = std::memchr(text, '{', size)) {
    size_t at = static_cast<size_t>(static_cast<const char*>(brace) - text);
    if (size_t n = span_comment_length(text + at, size - at)) {
      append_jekyll_text(c, text, at);
      append_jekyll_text(c, text + at + n, size - at - n);
      return;
    }
  }
  if (j.math_enabled) lint_dollar(c, text, size);
  // kramdown makes ids from the typographic text (whose dashes and quotes it then drops).
  if (c.in_autolink) {  // URL text stays as written
    if (c.in_heading) c.heading_typography.append_plain(c.heading_text, text, size);
    append_html_escaped(*c.out, text, size);
    return;
  }
  size_t begin = 0;
  if (!j.blocks->footnotes.empty()) {
    for (size_t i = 0; i + 3 < size; i++) {
      const void* bracket = std::memchr(text + i, '[', size - 3 - i);
      if (bracket == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(bracket) - text);
      if (text[i + 1] != '^') continue;
      append_plain_text(c, text + begin, i - begin);
      size_t n = append_footnote_reference(c, text + i, size - i);
      if (n == 0) {
        begin = i;
        continue;
      }
      i += n - 1;
      begin = i + 1;
    }
  }
  append_plain_text(c, text + begin, size - begin);
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  Context& c = *static_cast<Context*>(userdata);
  c.map->note_text(text, size);
  if (c.in_heading && size > 0) c.heading_last_line = c.map->line_of(text + size - 1);
  if (c.jekyll && type == MD_TEXT_LATEXMATH) {
    if (c.math_diagnostic < c.jekyll->diagnostics.size()) {
      c.jekyll->diagnostics[c.math_diagnostic].line = c.map->line_of(text);
      c.math_diagnostic = SIZE_MAX;
    }
    if (c.in_inline_math) lint_inline_math(c, text, size);
  }
  if (c.span_just_closed && type == MD_TEXT_NORMAL && c.image_nesting == 0) {
    size_t n = apply_span_ial(c, text, size);
    text += n;
    size -= static_cast<MD_SIZE>(n);
  }
  settle_pending_span(c);
  if (size == 0) return 0;
  if (c.image_nesting == 0 && type != MD_TEXT_LATEXMATH) {
    for (MD_SIZE i = 0; i < size && !c.paragraph_other_content; i++) {
      c.paragraph_other_content = text[i] != ' ' && text[i] != '\n';
    }
  }
  switch (type) {
    case MD_TEXT_NULLCHAR: append_utf8_codepoint(*c.out, 0); break;
    case MD_TEXT_BR: append(c, c.image_nesting == 0 ? "<br />\n" : " "); break;
    case MD_TEXT_SOFTBR:
      append(c, c.image_nesting == 0 ? "\n" : " ");
      if (c.in_heading) c.heading_text += ' ';
      break;
    case MD_TEXT_HTML: c.out->append(text, size); break;
    case MD_TEXT_ENTITY:
      if (c.in_heading) append_entity(c.heading_text, text, size, append_verbatim);
      append_entity(*c.out, text, size, append_html_escaped);
      break;
    case MD_TEXT_NORMAL:
      if (c.jekyll && std::memchr(text, kParenPlaceholder, size) != nullptr) {
        c.scratch.assign(text, size);
        for (char& ch : c.scratch) ch = ch == kParenPlaceholder ? ')' : ch;
        text = c.scratch.data();
      }
      if (c.jekyll && c.image_nesting == 0) {
        append_jekyll_text(c, text, size);
      } else {
        append_html_escaped(*c.out, text, size);
      }
      break;
    default:  // code, math: never typographic
      if (c.in_heading) c.heading_text.append(text, size);
      append_html_escaped(*c.out, text, size);
      break;
  }
  return 0;
}

}  // namespace

int render_html(const char* input, size_t size, const HtmlRenderOptions& options,
                std::string& out, SourceMap& map, std::vector<BlockSpan>& blocks) {
  Context c;
  c.options = &options;
  c.jekyll = options.jekyll;
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
  int rc = md_parse(input, static_cast<MD_SIZE>(size), &parser, &c);
  settle_pending_span(c);
  return rc;
}

}  // namespace draftmark
