#include "jekyll/kramdown/kramdown_html.h"

#include <cctype>
#include <cstring>
#include <string_view>

#include "jekyll/kramdown/kramdown_blocks.h"
#include "text/byte_scan.h"
#include "text/json_writer.h"

namespace draftmark {
namespace {

bool is_relative_url(std::string_view url) {
  if (url.empty() || url[0] == '/' || url[0] == '#') return false;
  size_t colon = url.find(':');
  size_t slash = url.find('/');
  return colon == std::string_view::npos || (slash != std::string_view::npos && slash < colon);
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

// The characters a backslash escapes in kramdown's GFM parser (ESCAPED_CHARS_GFM).
constexpr const char* kKramdownEscapable = "\\.*_+`<>()[]{}#!:|\"'$=-~";

bool is_word_byte(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; }

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

bool is_tex_space(char ch) { return ch == ' ' || ch == '\n' || ch == '\t'; }

// Removes the whitespace around the TeX written since `from`.
void trim_math_content(std::string& out, size_t from) {
  while (out.size() > from && is_tex_space(out.back())) out.pop_back();
  size_t first = from;
  while (first < out.size() && is_tex_space(out[first])) first++;
  out.erase(from, first - from);
}

}  // namespace

void KramdownHtml::add_lint(uint32_t line, const char* code, const char* message) {
  if (jekyll_.diagnostics.size() >= kMaxLintDiagnostics) return;
  jekyll_.diagnostics.push_back(Diagnostic{line, 1, Severity::kWarning, code, message});
}

void KramdownHtml::begin(HtmlWriter&) { s_ = ParseState{}; }

// Closes a pending `<img` tag, applying a span IAL if one followed the image.
void KramdownHtml::finish_image(HtmlWriter& w, const AttributeList* ial) {
  s_.image_tag_open = false;
  if (ial != nullptr) {
    // Chirpy: w/h are the width/height shorthands.
    if (const std::string* width = ial->find("w")) {
      *w.out += " width=\"";
      append_html_escaped(*w.out, width->data(), width->size());
      *w.out += '"';
    }
    if (const std::string* height = ial->find("h")) {
      *w.out += " height=\"";
      append_html_escaped(*w.out, height->data(), height->size());
      *w.out += '"';
    }
    append_attributes(*w.out, *ial, jekyll_.unsafe, {"w", "h", "src", "alt", "loading"});
  }
  w.append(" loading=\"lazy\" />");
}

// Called at every callback except the text that may carry the IAL.
void KramdownHtml::settle(HtmlWriter& w) {
  if (s_.image_tag_open) finish_image(w, nullptr);
  s_.span_just_closed = false;
}

bool KramdownHtml::prefix_url(HtmlWriter& w, UrlContext context, std::string_view decoded) {
  // Chirpy: `media_subpath` (or `img_path`) prefixes relative image URLs.
  if (context != UrlContext::kImage || jekyll_.media_subpath.empty() || !is_relative_url(decoded)) return true;
  std::string_view base = jekyll_.media_subpath;
  // The prefix starts the URL, so it decides the scheme: `media_subpath: javascript:…`
  // must not turn a relative image into script (tests/security attack corpus).
  if (w.options->safe_urls && !is_safe_url(base, context)) return false;
  append_url_escaped(*w.out, base.data(), base.size());
  if (base.back() != '/') *w.out += '/';
  return true;
}

void KramdownHtml::open_list_item(HtmlWriter& w, const MD_BLOCK_LI_DETAIL* d) {
  if (!s_.lists.empty()) {
    OpenList& list = s_.lists.back();
    if (d->is_task && !list.has_task) {
      // Nothing recorded after the list's tag is still in use here, so inserting is safe.
      w.out->insert(list.attr_pos, " class=\"task-list\"");
      list.has_task = true;
    }
    if (!d->is_task && list.has_task) {
      w.append("<li class=\"task-list-item\">");
      return;
    }
  }
  open_block(w, MD_BLOCK_LI, const_cast<MD_BLOCK_LI_DETAIL*>(d));
}

void KramdownHtml::close_heading(HtmlWriter& w, unsigned level) {
  s_.in_heading = false;
  std::string id;
  if (!strip_custom_id(*w.out, s_.heading_content_pos, id)) {
    size_t brace = s_.heading_text.rfind("{#");
    if (brace != std::string::npos) s_.heading_text.resize(brace);
    if (jekyll_.blocks->auto_ids && !jekyll_.has_ial_id_at(s_.heading_last_line + 1)) {
      id = jekyll_.heading_ids.make(s_.heading_text);
    }
  }
  HeadingInfo info;
  info.level = level;
  info.html.assign(*w.out, s_.heading_content_pos, std::string::npos);
  if (!id.empty()) {
    std::string escaped_id;
    append_html_escaped(escaped_id, id.data(), id.size());
    if (jekyll_.heading_anchors && level >= 2 && level <= 5) {
      // Chirpy's refactor-content: the text in a span, then a `#` link shown on hover.
      w.out->insert(s_.heading_content_pos, "<span class=\"me-2\">");
      *w.out += "</span><a href=\"#" + escaped_id + "\" class=\"anchor text-muted\"><i class=\"fas fa-hashtag\"></i></a>";
    }
    w.out->insert(s_.heading_attr_pos, " id=\"" + escaped_id + '"');
  }
  info.id = std::move(id);
  jekyll_.headings.push_back(std::move(info));
}

// A paragraph whose only content is one $$…$$ span is display math; otherwise any
// $$…$$ in it is inline, as kramdown decides.
void KramdownHtml::close_paragraph(HtmlWriter& w) {
  if (s_.paragraph_display_math == 0) return;
  if (s_.paragraph_display_math == 1 && !s_.paragraph_other_content) return;
  static const std::string kDisplay = "<span class=\"math display\">";
  static const std::string kInline = "<span class=\"math inline\">";
  size_t at = s_.paragraph_content_pos;
  while ((at = w.out->find(kDisplay, at)) != std::string::npos) {
    w.out->replace(at, kDisplay.size(), kInline);
    at += kInline.size();
  }
}

namespace {

// Removes an item paragraph's <p> and </p> (nothing after them is recorded by offset).
void unwrap_paragraph(std::string& out, const KramdownHtml::ItemParagraph& p) {
  out.erase(p.close, p.close_end - p.close);
  out.erase(p.open, p.content - p.open);
}

// Whether the line after the one holding `end` is blank (or the input ends).
bool next_line_blank(const SourceMap& map, const char* end) {
  const char* p = end;
  while (map.contains(p) && *p != '\n') p++;
  if (!map.contains(p)) return true;
  for (p++; map.contains(p) && *p != '\n'; p++) {
    if (*p != ' ' && *p != '\t' && *p != '\r') return false;
  }
  return true;
}

}  // namespace

// A block starts: if it is the first block of a list item in a loose list (md4c then reports
// paragraphs), remember where its <p> goes; any block after a pending paragraph keeps it.
void KramdownHtml::note_item_block(HtmlWriter& w, MD_BLOCKTYPE type) {
  s_.item_paragraph = false;
  if (s_.lists.empty() || type == MD_BLOCK_LI) return;
  OpenList& list = s_.lists.back();
  list.pending = false;
  if (!list.item_fresh) return;
  list.item_fresh = false;
  if (type != MD_BLOCK_P) return;
  s_.item_paragraph = true;
  s_.open_item_paragraph.open = w.out->size();
}

void KramdownHtml::close_item_paragraph(HtmlWriter& w) {
  s_.item_paragraph = false;
  ItemParagraph& p = s_.open_item_paragraph;
  p.close_end = w.out->size();
  if (s_.lists.empty()) return;
  if (s_.text_end == nullptr || !w.map->contains(s_.text_end) || !next_line_blank(*w.map, s_.text_end)) {
    unwrap_paragraph(*w.out, p);
    return;
  }
  s_.lists.back().pending = true;
  s_.lists.back().paragraph = p;
}

void KramdownHtml::enter_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail) {
  note_item_block(w, type);
  switch (type) {
    case MD_BLOCK_UL:
      open_block(w, type, detail);
      s_.lists.push_back(OpenList{w.tag_name_end, false, false, false, {}});
      break;
    case MD_BLOCK_OL: {
      // kramdown numbers every ordered list from 1 (`2.` first writes no `start`).
      MD_BLOCK_OL_DETAIL from_one = *static_cast<MD_BLOCK_OL_DETAIL*>(detail);
      from_one.start = 1;
      open_block(w, type, &from_one);
      s_.lists.push_back(OpenList{w.tag_name_end, false, false, false, {}});
      break;
    }
    case MD_BLOCK_LI:
      open_list_item(w, static_cast<MD_BLOCK_LI_DETAIL*>(detail));
      if (!s_.lists.empty()) {
        s_.lists.back().pending = false;  // another item follows: the blank line counts
        s_.lists.back().item_fresh = true;
      }
      break;
    case MD_BLOCK_H:
      open_block(w, type, detail);
      s_.in_heading = true;
      heading_typography_.reset();
      s_.heading_attr_pos = w.tag_name_end;
      s_.heading_content_pos = w.out->size();
      s_.heading_text.clear();
      break;
    case MD_BLOCK_CODE: {
      open_block(w, type, detail);
      auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
      if (!jekyll_.mermaid_enabled && d->lang.size == 7 && std::string_view(d->lang.text, 7) == "mermaid") {
        add_lint(w.map->line_of(d->lang.text), "mermaid-disabled",
                 "A mermaid block needs `mermaid: true` in the front matter to render on Chirpy.");
      }
      break;
    }
    case MD_BLOCK_P:
      open_block(w, type, detail);
      s_.paragraph_content_pos = w.out->size();
      s_.open_item_paragraph.content = w.out->size();
      s_.paragraph_display_math = 0;
      s_.paragraph_other_content = false;
      break;
    // Chirpy wraps tables so wide ones scroll.
    case MD_BLOCK_TABLE: w.append("<div class=\"table-wrapper\"><table>\n"); break;
    default: open_block(w, type, detail); break;
  }
  jekyll_.typography.break_context();
}

void KramdownHtml::leave_block(HtmlWriter& w, MD_BLOCKTYPE type, void* detail) {
  switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      if (s_.lists.back().pending) unwrap_paragraph(*w.out, s_.lists.back().paragraph);
      s_.lists.pop_back();
      break;
    case MD_BLOCK_H: close_heading(w, static_cast<MD_BLOCK_H_DETAIL*>(detail)->level); break;
    case MD_BLOCK_P: close_paragraph(w); break;
    default: break;
  }
  bool item_paragraph = type == MD_BLOCK_P && s_.item_paragraph;
  if (item_paragraph) s_.open_item_paragraph.close = w.out->size();
  if (type == MD_BLOCK_TABLE) {
    w.append("</table></div>\n");
  } else {
    close_block(w, type, detail);
  }
  if (item_paragraph) close_item_paragraph(w);
  jekyll_.typography.break_context();
}

void KramdownHtml::open_math(HtmlWriter& w, bool display) {
  s_.in_inline_math = !display;
  if (!jekyll_.math_enabled) {
    s_.literal_math = true;
    if (!jekyll_.reported_math_disabled) {
      jekyll_.reported_math_disabled = true;
      s_.math_diagnostic = jekyll_.diagnostics.size();
      add_lint(1, "math-disabled", "Math needs `math: true` in the front matter: Chirpy will show it as plain text.");
    }
    w.append(display ? "$$" : "$");
    return;
  }
  if (display) s_.paragraph_display_math++;
  open_span(w, display ? MD_SPAN_LATEXMATH_DISPLAY : MD_SPAN_LATEXMATH, nullptr);
  s_.math_content_pos = w.out->size();
}

void KramdownHtml::enter_span(HtmlWriter& w, MD_SPANTYPE type, void* detail) {
  if (type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY) {
    open_math(w, type == MD_SPAN_LATEXMATH_DISPLAY);
    return;
  }
  s_.paragraph_other_content = true;
  if (type == MD_SPAN_WIKILINK) return;
  open_span(w, type, detail);
  s_.open_spans.push_back(OpenSpan{type, w.tag_name_end});
  if (type == MD_SPAN_A) s_.in_autolink = static_cast<MD_SPAN_A_DETAIL*>(detail)->is_autolink != 0;
}

void KramdownHtml::leave_span(HtmlWriter& w, MD_SPANTYPE type, void* detail) {
  switch (type) {
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
      s_.in_inline_math = false;
      if (s_.literal_math) {
        s_.literal_math = false;
        w.append(type == MD_SPAN_LATEXMATH_DISPLAY ? "$$" : "$");
      } else {
        // kramdown strips the TeX of $$…$$ (inline or display); $…$ is MathJax's and kept.
        if (type == MD_SPAN_LATEXMATH_DISPLAY) trim_math_content(*w.out, s_.math_content_pos);
        close_span(w, type, detail);
      }
      return;
    case MD_SPAN_WIKILINK: return;
    case MD_SPAN_IMG: {
      auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      if (d->title.text != nullptr) {
        w.append("\" title=\"");
        append_attribute(w, d->title, append_html_escaped);
      }
      w.append("\"");
      s_.image_tag_open = true;  // closed by finish_image, maybe with an IAL
      break;
    }
    case MD_SPAN_A:
      close_span(w, type, detail);
      s_.in_autolink = false;
      break;
    default: close_span(w, type, detail); break;
  }
  if (!s_.open_spans.empty()) {
    s_.closed_span = s_.open_spans.back();
    s_.open_spans.pop_back();
    s_.span_just_closed = true;
    jekyll_.typography.break_context();
  }
}

// kramdown does not know $…$: it runs Markdown inside, so emphasis markers and
// backslash escapes in the TeX are changed before MathJax sees them.
void KramdownHtml::lint_inline_math(HtmlWriter& w, const char* text, size_t size) {
  int stars = 0, underscores = 0;
  bool escape = false;
  for (size_t i = 0; i < size; i++) {
    stars += text[i] == '*';
    underscores += text[i] == '_';
    if (text[i] == '\\' && i + 1 < size && std::strchr("\\{}_*|#!`[]()", text[i + 1]) != nullptr) escape = true;
  }
  if (stars >= 2 || underscores >= 2 || escape) {
    add_lint(w.map->line_of(text), "math-markdown",
             "kramdown processes Markdown inside $…$ (emphasis, backslash escapes): use $$…$$ to protect this formula.");
  }
}

// In a `math: true` post a stray `$` (a price) may be paired with another by MathJax.
void KramdownHtml::lint_dollar(HtmlWriter& w, const char* text, size_t size) {
  if (!contains_byte(text, size, '$')) return;
  uint32_t line = w.map->line_of(text);
  if (line == s_.last_dollar_line) return;
  s_.last_dollar_line = line;
  add_lint(line, "stray-dollar", "A `$` outside math: MathJax may treat the text up to the next `$` as math; write \\$.");
}

// A span IAL `{:...}` directly after a closed span: apply it. Returns bytes consumed.
size_t KramdownHtml::apply_span_ial(HtmlWriter& w, const char* text, size_t size) {
  AttributeList ial;
  size_t n = match_ial(std::string_view(text, size), ial);
  if (n == 0) return 0;
  jekyll_.blocks->alds.resolve(ial);
  // `![](x){: .shadow }{: .normal }`: kramdown applies each IAL in a row to the same span.
  for (AttributeList next; size_t more = match_ial(std::string_view(text + n, size - n), next); next.clear()) {
    jekyll_.blocks->alds.resolve(next);
    ial.merge(next);
    n += more;
  }
  if (s_.closed_span.type == MD_SPAN_IMG && s_.image_tag_open) {
    finish_image(w, &ial);
  } else {
    std::string attrs;
    append_attributes(attrs, ial, jekyll_.unsafe, {"href"});
    w.out->insert(s_.closed_span.attr_pos, attrs);
  }
  s_.span_just_closed = false;
  return n;
}

// `[^label]` for a defined footnote: kramdown's reference markup. Returns bytes consumed.
size_t KramdownHtml::append_footnote_reference(HtmlWriter& w, const char* text, size_t size) {
  if (size < 4 || text[0] != '[' || text[1] != '^') return 0;
  size_t i = 2;
  while (i < size && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '-')) i++;
  if (i == 2 || i >= size || text[i] != ']') return 0;
  std::string_view label(text + 2, i - 2);
  JekyllContext& j = jekyll_;
  auto found = j.footnote_index.find(label);
  if (found == j.footnote_index.end()) return 0;  // undefined: stays text, as in kramdown
  size_t index = found->second;
  if (j.footnote_number[index] == 0) {
    j.footnote_order.push_back(index);
    j.footnote_number[index] = static_cast<uint32_t>(j.footnote_order.size());
  }
  size_t number = j.footnote_number[index];
  uint32_t repeat = j.footnote_refs[index]++;
  j.footnote_references.push_back(FootnoteReference{text, index});
  std::string id(label);
  if (repeat > 0) {
    id += ':';
    append_uint(id, repeat);
  }
  std::string& out = *w.out;
  out += "<sup id=\"fnref:";
  append_html_escaped(out, id.data(), id.size());
  out += "\" role=\"doc-noteref\"><a href=\"#fn:";
  append_html_escaped(out, label.data(), label.size());
  out += "\" class=\"footnote\" rel=\"footnote\">";
  append_uint(out, number);
  out += "</a></sup>";
  return i + 1;
}

// Typographic text with kramdown abbreviations (`*[HTML]: …`) wrapped in <abbr>.
void KramdownHtml::append_plain_text(HtmlWriter& w, const char* text, size_t size) {
  JekyllContext& j = jekyll_;
  std::string& out = *w.out;
  // kramdown makes ids from the typographic text (footnote markers left out).
  if (s_.in_heading) heading_typography_.append_plain(s_.heading_text, text, size);
  const auto& abbreviations = j.blocks->abbreviations;
  if (abbreviations.empty()) {
    j.typography.append(out, text, size);
    return;
  }
  std::string_view s(text, size);
  size_t begin = 0;
  for (size_t i = 0; i < size; i++) {
    if (i > 0 && is_word_byte(s[i - 1])) continue;
    // One lookup per distinct term length, longest first.
    for (size_t length : j.abbreviation_lengths) {
      if (length > size - i) continue;
      size_t end = i + length;
      if (end < size && is_word_byte(s[end])) continue;
      auto found = j.abbreviation_index.find(s.substr(i, length));
      if (found == j.abbreviation_index.end()) continue;
      const Abbreviation& a = abbreviations[found->second];
      j.typography.append(out, text + begin, i - begin);
      out += "<abbr title=\"";
      append_html_escaped(out, a.title.data(), a.title.size());
      out += "\">";
      append_html_escaped(out, a.term.data(), a.term.size());
      out += "</abbr>";
      j.typography.break_context();
      begin = end;
      i = end - 1;
      break;
    }
  }
  j.typography.append(out, text + begin, size - begin);
}

// The bytes that start the rarer constructs of a text (span comments, stray dollars, footnote
// markers, md4c's paren placeholder): one pass over each text says which it holds.
constexpr char kTextSpecials[4] = {'{', '$', '[', kParenPlaceholder};
constexpr unsigned kHasBrace = 1, kHasDollar = 2, kHasBracket = 4, kHasParen = 8;

void KramdownHtml::append_jekyll_text(HtmlWriter& w, const char* text, size_t size, unsigned present) {
  if (const size_t at = present & kHasBrace ? find_byte(text, size, '{') : size; at < size) {
    if (size_t n = span_comment_length(text + at, size - at)) {
      append_jekyll_text(w, text, at);
      append_jekyll_text(w, text + at + n, size - at - n);
      return;
    }
  }
  if (jekyll_.math_enabled && (present & kHasDollar)) lint_dollar(w, text, size);
  // kramdown makes ids from the typographic text (whose dashes and quotes it then drops).
  if (s_.in_autolink) {  // URL text stays as written
    if (s_.in_heading) heading_typography_.append_plain(s_.heading_text, text, size);
    append_html_escaped(*w.out, text, size);
    return;
  }
  size_t begin = 0;
  if ((present & kHasBracket) && !jekyll_.footnote_index.empty()) {
    for (size_t i = 0; i + 3 < size; i++) {
      const size_t bracket = i + find_byte(text + i, size - 3 - i, '[');
      if (bracket == size - 3) break;
      i = bracket;
      if (text[i + 1] != '^') continue;
      append_plain_text(w, text + begin, i - begin);
      size_t n = append_footnote_reference(w, text + i, size - i);
      if (n == 0) {
        begin = i;
        continue;
      }
      i += n - 1;
      begin = i + 1;
    }
  }
  append_plain_text(w, text + begin, size - begin);
}

// kramdown consumes the `markdown="…"` attribute of an HTML tag (it only says how to parse
// the content); the published tag has none. Writes `html` without it.
static void append_html_without_markdown_attribute(std::string& out, const char* html, size_t size) {
  std::string_view s(html, size);
  size_t at = s.find("markdown=");
  size_t lt = at == std::string_view::npos ? at : s.rfind('<', at);
  if (lt == std::string_view::npos || s.find('>', lt) < at || at == 0 || (s[at - 1] != ' ' && s[at - 1] != '\t')) {
    out.append(html, size);
    return;
  }
  size_t begin = at;
  while (begin > lt && (s[begin - 1] == ' ' || s[begin - 1] == '\t')) begin--;
  size_t end = at + 9;
  if (end < size && (s[end] == '"' || s[end] == '\'')) {
    size_t close = s.find(s[end], end + 1);
    end = close == std::string_view::npos ? size : close + 1;
  } else {
    while (end < size && s[end] != ' ' && s[end] != '>' && s[end] != '/') end++;
  }
  out.append(html, begin);
  out.append(html + end, size - end);
}

// kramdown's hard break is the last two spaces of a line (LINE_BREAK): more spaces before
// them stay in the text, where md4c drops them all.
void KramdownHtml::append_hard_break_spaces(HtmlWriter& w) {
  const char* p = s_.text_end;
  if (p == nullptr || !w.map->contains(p)) return;
  size_t n = 0;
  while (w.map->contains(p + n) && p[n] == ' ') n++;
  if (n <= 2 || !w.map->contains(p + n) || (p[n] != '\n' && p[n] != '\r')) return;
  settle(w);
  w.out->append(n - 2, ' ');
}

void KramdownHtml::text(HtmlWriter& w, MD_TEXTTYPE type, const char* text, size_t size) {
  if (type == MD_TEXT_BR && w.image_nesting == 0) append_hard_break_spaces(w);
  s_.text_end = text + size;
  if (s_.in_heading && size > 0) s_.heading_last_line = w.map->line_of(text + size - 1);
  if (type == MD_TEXT_LATEXMATH) {
    if (s_.math_diagnostic < jekyll_.diagnostics.size()) {
      jekyll_.diagnostics[s_.math_diagnostic].line = w.map->line_of(text);
      s_.math_diagnostic = SIZE_MAX;
    }
    if (s_.in_inline_math) {
      lint_inline_math(w, text, size);
      // kramdown reads $…$ as text: its backslash escapes are gone before MathJax sees it.
      if (contains_byte(text, size, '\\')) {
        w.scratch.clear();
        for (size_t i = 0; i < size; i++) {
          if (text[i] == '\\' && i + 1 < size && text[i + 1] != '\0' && std::strchr(kKramdownEscapable, text[i + 1]) != nullptr) i++;
          w.scratch += text[i];
        }
        text = w.scratch.data();
        size = w.scratch.size();
      }
      // ...and its smart quotes, dashes and ellipses are in: `$f'$` reaches MathJax as `$f’$`.
      if (w.image_nesting == 0) {
        settle(w);
        if (s_.in_heading) s_.heading_text.append(text, size);
        jekyll_.typography.append(*w.out, text, size);
        return;
      }
    }
  }
  if (s_.span_just_closed && type == MD_TEXT_NORMAL && w.image_nesting == 0) {
    size_t n = apply_span_ial(w, text, size);
    text += n;
    size -= n;
  }
  settle(w);
  if (size == 0) return;
  if (w.image_nesting == 0 && type != MD_TEXT_LATEXMATH) {
    for (size_t i = 0; i < size && !s_.paragraph_other_content; i++) {
      s_.paragraph_other_content = text[i] != ' ' && text[i] != '\n';
    }
  }
  switch (type) {
    case MD_TEXT_NORMAL: {
      const unsigned present = bytes_present(text, size, kTextSpecials);
      if (present & kHasParen) {  // the others stay as they are
        w.scratch.assign(text, size);
        for (char& ch : w.scratch) ch = ch == kParenPlaceholder ? ')' : ch;
        text = w.scratch.data();
      }
      if (w.image_nesting == 0) {
        append_jekyll_text(w, text, size, present);
      } else {
        append_html_escaped(*w.out, text, size);
      }
      return;
    }
    // The heading's plain text (for its id) follows what the output shows.
    case MD_TEXT_SOFTBR:
      if (s_.in_heading) s_.heading_text += ' ';
      break;
    case MD_TEXT_ENTITY:
      if (s_.in_heading) append_entity(s_.heading_text, text, size, append_verbatim);
      break;
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
      if (s_.in_heading) s_.heading_text.append(text, size);
      break;
    case MD_TEXT_HTML:
      append_html_without_markdown_attribute(*w.out, text, size);
      return;
    default: break;
  }
  write_text(w, type, text, size);
}

}  // namespace draftmark
