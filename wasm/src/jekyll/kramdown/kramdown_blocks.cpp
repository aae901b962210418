#include "jekyll/kramdown/kramdown_blocks.h"

#include <cctype>
#include <cstring>

#include "text/byte_scan.h"

namespace draftmark {
namespace {

struct Line {
  size_t begin;  // offset of the first byte
  size_t end;    // offset of the line ending (exclusive of it)
  size_t next;   // offset of the next line
};

class LineCursor {
 public:
  // `lines`, when given, indexes the text that `text` is the end of, from byte `offset`
  // (a line start, or inside line 1 after a BOM), whose line there is `first_line`: the
  // cursor then takes the line starts from it instead of searching for them again.
  LineCursor(std::string_view text, const LineIndex* lines, size_t offset, uint32_t first_line)
      : text_(text),
        lines_(lines),
        offset_(offset),
        line_(first_line),
        has_cr_(lines == nullptr && contains_byte(text.data(), text.size(), '\r')) {}
  bool next(Line& line) {
    if (pos_ >= text_.size()) return false;
    const char* base = text_.data();
    if (lines_ != nullptr) {
      const size_t next = line_ < lines_->line_count() ? lines_->line_begin(line_ + 1) - offset_ : text_.size();
      size_t end = next;
      while (end > pos_ && (base[end - 1] == '\n' || base[end - 1] == '\r')) end--;
      line = Line{pos_, end, next};
      pos_ = next;
      line_++;
      return true;
    }
    size_t end = pos_ + find_byte(base + pos_, text_.size() - pos_, '\n');
    // A CR ends the line too (CR-only and CRLF documents).
    if (has_cr_) end = pos_ + find_byte(base + pos_, end - pos_, '\r');
    size_t next = end;
    if (next < text_.size() && text_[next] == '\r') next++;
    if (next < text_.size() && text_[next] == '\n' && (next == end || text_[next - 1] == '\r')) next++;
    line = Line{pos_, end, next};
    pos_ = next;
    return true;
  }

 private:
  std::string_view text_;
  const LineIndex* lines_;
  size_t offset_;
  uint32_t line_;  // the document line pos_ is on (with lines_)
  bool has_cr_;    // most texts have none: one search instead of one per line
  size_t pos_ = 0;
};

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool is_blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// Up to three spaces of indentation, as kramdown's OPT_SPACE.
std::string_view strip_indent(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && i < 3 && s[i] == ' ') i++;
  return s.substr(i);
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

size_t name_length(std::string_view s, size_t i) {
  if (i >= s.size() || !is_word(s[i])) return 0;
  size_t j = i + 1;
  while (j < s.size() && (is_word(s[j]) || s[j] == '-')) j++;
  return j - i;
}

// A fence opener: returns its char and length, or 0.
size_t fence_length(std::string_view s, char& fence_char) {
  s = strip_indent(s);
  if (s.size() < 3 || (s[0] != '`' && s[0] != '~')) return 0;
  size_t n = 0;
  while (n < s.size() && s[n] == s[0]) n++;
  if (n < 3) return 0;
  if (s[0] == '`' && s.substr(n).find('`') != std::string_view::npos) return 0;
  fence_char = s[0];
  return n;
}

bool closes_fence(std::string_view s, char fence_char, size_t open_length) {
  s = trim_right(strip_indent(s));
  if (s.size() < open_length) return false;
  for (char c : s) {
    if (c != fence_char) return false;
  }
  return true;
}

// `{:name: attrs}` on its own line.
bool match_ald(std::string_view s, std::string& name, std::string_view& body) {
  s = trim_right(strip_indent(s));
  if (s.size() < 5 || s[0] != '{' || s[1] != ':' || s.back() != '}') return false;
  size_t n = name_length(s, 2);
  if (n == 0 || 2 + n >= s.size() || s[2 + n] != ':') return false;
  name.assign(s.substr(2, n));
  body = s.substr(3 + n, s.size() - 4 - n);
  return !body.empty();
}

// `{::name ...}` / `{::name .../}` / `{:/name}` / `{:/}` on its own line.
bool match_extension(std::string_view s, std::string_view& name, std::string_view& args, bool& closing,
                     bool& self_closing) {
  s = trim_right(strip_indent(s));
  if (s.size() < 4 || s[0] != '{' || s.back() != '}') return false;
  if (s.compare(0, 3, "{:/") == 0) {
    closing = true;
    name = s.substr(3, s.size() - 4);
    return true;
  }
  if (s.compare(0, 3, "{::") != 0) return false;
  size_t n = name_length(s, 3);
  if (n == 0) return false;
  closing = false;
  name = s.substr(3, n);
  std::string_view rest = s.substr(3 + n, s.size() - 4 - n);
  self_closing = !rest.empty() && rest.back() == '/';
  if (self_closing) rest.remove_suffix(1);
  args = rest;
  return true;
}

// `[^label]: text`
bool match_footnote(std::string_view s, std::string& label, size_t& content_at) {
  std::string_view t = strip_indent(s);
  size_t indent = s.size() - t.size();
  if (t.size() < 5 || t[0] != '[' || t[1] != '^') return false;
  size_t n = name_length(t, 2);
  if (n == 0 || 2 + n + 1 >= t.size() || t[2 + n] != ']' || t[3 + n] != ':') return false;
  label.assign(t.substr(2, n));
  size_t i = 4 + n;
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) i++;
  content_at = indent + i;
  return true;
}

// `[^label]: …` with a label kramdown does not accept for footnotes.
bool is_link_definition_like(std::string_view s) {
  std::string_view t = strip_indent(s);
  if (t.size() < 5 || t[0] != '[' || t[1] != '^') return false;
  size_t close = t.find("]:");
  return close != std::string_view::npos && close > 2 && t.substr(0, close).find(']') == std::string_view::npos;
}

// `*[term]: title`
bool match_abbreviation(std::string_view s, Abbreviation& out) {
  s = strip_indent(s);
  if (s.size() < 5 || s[0] != '*' || s[1] != '[') return false;
  size_t close = s.find("]:", 2);
  if (close == std::string_view::npos || close == 2) return false;
  out.term.assign(s.substr(2, close - 2));
  std::string_view title = s.substr(close + 2);
  while (!title.empty() && (title[0] == ' ' || title[0] == '\t')) title.remove_prefix(1);
  out.title.assign(trim_right(title));
  return true;
}

// Continuation line of a footnote: blank, or indented by a tab or four spaces.
bool is_continuation(std::string_view s) {
  return is_blank(s) || (!s.empty() && s[0] == '\t') || s.compare(0, 4, "    ") == 0;
}

std::string_view unindent(std::string_view s) {
  if (!s.empty() && s[0] == '\t') return s.substr(1);
  if (s.compare(0, 4, "    ") == 0) return s.substr(4);
  return strip_indent(s);
}

// kramdown knows only `1.` ordered lists: `1)` at a line start must stay text. The
// `)` is swapped for kParenPlaceholder, which md4c treats as ordinary text and the
// renderer turns back into `)`.
void hide_paren_list_marker(std::string& masked, size_t line_begin, std::string_view text) {
  std::string_view t = strip_indent(text);
  size_t digits = 0;
  while (digits < t.size() && digits < 10 && std::isdigit(static_cast<unsigned char>(t[digits]))) digits++;
  if (digits == 0 || digits > 9 || digits >= t.size() || t[digits] != ')') return;
  if (digits + 1 < t.size() && t[digits + 1] != ' ' && t[digits + 1] != '\t') return;
  masked[line_begin + (text.size() - t.size()) + digits] = kParenPlaceholder;
}

// True when the next line exists and is indented (a definition's next paragraph).
bool cursor_peek_indented(std::string_view body, size_t next) {
  return next < body.size() && (body[next] == ' ' || body[next] == '\t');
}

// Removes up to four columns of indentation.
std::string_view unindent_some(std::string_view s) {
  if (!s.empty() && s[0] == '\t') return s.substr(1);
  size_t i = 0;
  while (i < s.size() && i < 4 && s[i] == ' ') i++;
  return s.substr(i);
}

// `: definition` (up to three spaces, a colon, then a space or tab).
bool is_definition_line(std::string_view s, size_t& content_at) {
  std::string_view t = strip_indent(s);
  if (t.size() < 2 || t[0] != ':' || (t[1] != ' ' && t[1] != '\t')) return false;
  size_t i = 1;
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) i++;
  content_at = (s.size() - t.size()) + i;
  return true;
}

// A line that can be a definition term: plain paragraph text, not another block's start.
bool can_be_term(std::string_view s) {
  std::string_view t = strip_indent(s);
  if (t.empty() || s.size() - t.size() > 3) return false;
  char c = t[0];
  if (c == '#' || c == '>' || c == '|' || c == '<' || c == '`' || c == '~' || c == ':' || c == '{') return false;
  if ((c == '-' || c == '*' || c == '+') && (t.size() == 1 || t[1] == ' ' || t[1] == c)) return false;
  size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) digits++;
  return !(digits > 0 && digits < t.size() && (t[digits] == '.' || t[digits] == ')'));
}

// Every construct the scan matches (fence, ALD, extension, IAL, footnote, abbreviation,
// definition) starts with one of these after up to three spaces: the other lines, most of a
// post, skip the matchers.
bool may_start_construct(std::string_view line) {
  std::string_view t = strip_indent(line);
  if (t.empty()) return false;
  switch (t[0]) {
    case '`': case '~': case '{': case '[': case '*': case ':': return true;
    default: return false;
  }
}

void mask(std::string& masked, const Line& line) {
  for (size_t i = line.begin; i < line.end; i++) masked[i] = ' ';
}

}  // namespace

void KramdownBlocks::clear() {
  ials.clear();
  definition_lists.clear();
  alds.clear();
  footnotes.clear();
  abbreviations.clear();
  fences.clear();
  auto_ids = true;
}

void scan_kramdown_blocks(std::string_view body, uint32_t first_line, std::string& masked,
                          KramdownBlocks& out, const LineIndex* lines, size_t body_offset) {
  // `out` lives in the Renderer across renders: without this, IALs, ALDs and footnotes
  // of earlier renders leaked into later ones (found by tests/fuzz/fuzz_render.cpp).
  out.clear();
  masked.assign(body.data(), body.size());
  LineCursor cursor(body, lines, body_offset, first_line);
  Line line;
  uint32_t number = first_line - 1;
  bool previous_blank = true;    // the line above (in the original) was blank
  bool previous_was_ial = false;
  bool previous_after_block = false;
  char fence_char = 0;
  size_t fence_open = 0;          // >0 while inside a fenced code block
  std::string comment_end;        // non-empty while inside {::comment}
  // Where the last `{:/` is: a comment opened after it can never close (found once, so
  // many unclosed comments stay linear; only when a comment opens, as a search of the whole
  // text costs more than the rest of the scan).
  size_t last_stop_tag = std::string_view::npos;
  bool stop_tag_found = false;
  FootnoteDefinition* footnote = nullptr;  // open definition collecting continuation lines
  DefinitionList* definition = nullptr;    // open `: definition` collecting continuation lines
  std::vector<Line> recent;                // the unmasked non-blank lines directly above
  uint32_t recent_first = 0;               // line number of recent.front()

  // Turns the lines above a `: definition` into a new item's terms (or, right after
  // another definition, adds to its item). False when the line is no definition.
  auto start_definition = [&](uint32_t line_number) {
    DefinitionList* list = out.definition_lists.empty() ? nullptr : &out.definition_lists.back();
    if (recent.empty()) {  // another definition of the same term(s)
      return list != nullptr && !list->items.empty() && list->last_line + 2 >= line_number;
    }
    for (const Line& l : recent) {
      if (!can_be_term(body.substr(l.begin, l.end - l.begin))) return false;
    }
    // A blank line may separate items of one list.
    bool continues = list != nullptr && list->last_line + 2 >= recent_first && list->last_line < recent_first;
    if (!continues) {
      out.definition_lists.emplace_back();
      list = &out.definition_lists.back();
      list->first_line = recent_first;
    }
    list->items.emplace_back();
    for (const Line& l : recent) {
      list->items.back().terms.emplace_back(trim_right(strip_indent(body.substr(l.begin, l.end - l.begin))));
      mask(masked, l);
    }
    recent.clear();
    return true;
  };

  while (cursor.next(line)) {
    number++;
    std::string_view text = body.substr(line.begin, line.end - line.begin);
    bool blank = is_blank(text);

    if (fence_open) {
      if (closes_fence(text, fence_char, fence_open)) {
        fence_open = 0;
        out.fences.back().last = number;
      }
      previous_blank = blank;
      previous_was_ial = false;
      continue;
    }
    if (!comment_end.empty()) {
      std::string_view name, args;
      bool closing = false, self_closing = false;
      if (match_extension(text, name, args, closing, self_closing) && closing &&
          (name.empty() || name == "comment")) {
        comment_end.clear();
      }
      mask(masked, line);
      continue;
    }
    if (definition != nullptr) {
      bool indented = !blank && (text[0] == ' ' || text[0] == '\t') && strip_indent(text).compare(0, 1, ":") != 0;
      if (indented || (blank && cursor_peek_indented(body, line.next))) {
        definition->items.back().definitions.back().append(blank ? "" : unindent_some(text));
        definition->items.back().definitions.back() += '\n';
        if (!blank) definition->last_line = number;
        mask(masked, line);
        previous_blank = blank;
        continue;
      }
      if (!blank) definition = nullptr;
    }
    if (footnote != nullptr) {
      if (is_continuation(text)) {
        footnote->markdown.append(unindent(text));
        footnote->markdown += '\n';
        if (!blank) footnote->last_line = number;
        mask(masked, line);
        continue;
      }
      footnote = nullptr;
    }

    bool masked_line = false;
    bool is_ial = false;
    if (may_start_construct(text)) {
      std::string name;
      std::string_view ald_body, ext_name, ext_args;
      bool closing = false, self_closing = false;
      size_t content_at = 0;
      Abbreviation abbreviation;
      AttributeList attrs;
      std::string_view stripped = trim_right(strip_indent(text));
      masked_line = true;

      if (size_t n = fence_length(text, fence_char); n > 0) {
        fence_open = n;
        out.fences.push_back(KramdownBlocks::Fence{number, UINT32_MAX});
        masked_line = false;
      } else if (match_ald(text, name, ald_body)) {
        parse_attribute_list(ald_body, attrs);
        out.alds.define(name, attrs);
      } else if (match_extension(text, ext_name, ext_args, closing, self_closing)) {
        if (!closing && ext_name == "comment" && !self_closing) {
          // kramdown ignores a start tag with no stop tag after it (and renders the rest).
          if (!stop_tag_found) last_stop_tag = body.rfind("{:/");
          stop_tag_found = true;
          if (last_stop_tag != std::string_view::npos && last_stop_tag > line.begin) comment_end = "comment";
        } else if (!closing && ext_name == "options") {
          AttributeList options;
          parse_attribute_list(ext_args, options);
          if (const std::string* v = options.find("auto_ids")) out.auto_ids = *v != "false";
        }
        // {::nomarkdown} markers are dropped; their content is rendered as Markdown
        // (a documented difference).
      } else if (match_ial(stripped, attrs) == stripped.size() && !stripped.empty()) {
        is_ial = true;
        BlockIal ial;
        ial.line = number;
        ial.after_block = previous_was_ial ? previous_after_block : !previous_blank;
        ial.attrs = std::move(attrs);
        previous_after_block = ial.after_block;
        out.ials.push_back(std::move(ial));
      } else if (match_footnote(text, name, content_at)) {
        out.footnotes.push_back(FootnoteDefinition{name, std::string(text.substr(content_at)) + "\n",
                                                   number, number});
        footnote = &out.footnotes.back();
      } else if (is_link_definition_like(text)) {
        // `[^주석]: …` is no footnote (kramdown takes only ASCII labels) but kramdown reads it
        // as a link definition, which shows nothing; md4c would print it.
      } else if (match_abbreviation(text, abbreviation)) {
        out.abbreviations.push_back(std::move(abbreviation));
      } else if (is_definition_line(text, content_at) && start_definition(number)) {
        DefinitionList& list = out.definition_lists.back();
        list.items.back().definitions.emplace_back(text.substr(content_at));
        list.items.back().definitions.back() += '\n';
        list.last_line = number;
        definition = &list;
        masked_line = true;
      } else {
        masked_line = false;
      }
    }

    if (masked_line) {
      mask(masked, line);
      recent.clear();
    } else {
      hide_paren_list_marker(masked, line.begin, text);
      if (blank || fence_open) {
        recent.clear();
      } else {
        if (recent.empty()) recent_first = number;
        recent.push_back(line);
      }
    }
    previous_was_ial = is_ial;
    previous_blank = blank;
  }
}

}  // namespace draftmark
