#include "api/edit_markers.h"

#include <cstring>

namespace draftmark {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// After `{:` at `at`: an ALD is `{:name:`; spaces before the name are accepted too, which
// only makes the check more conservative (kramdown reads that as an IAL).
bool is_ald(std::string_view text, size_t at) {
  size_t i = at + 2;
  while (i < text.size() && text[i] == ' ') i++;
  size_t name = i;
  while (i < text.size() && is_name_char(text[i])) i++;
  return i > name && i < text.size() && text[i] == ':';
}

// Only up to three spaces between the line's start and `at` (where kramdown's definitions start).
bool at_line_start(std::string_view text, size_t at) {
  size_t spaces = 0;
  while (at > 0 && text[at - 1] == ' ' && spaces < 4) {
    at--;
    spaces++;
  }
  return spaces <= 3 && (at == 0 || text[at - 1] == '\n');
}

// Calls f(position) for each occurrence of byte `c`.
template <typename F>
void each_byte(std::string_view text, char c, F f) {
  const char* data = text.data();
  const char* end = data + text.size();
  for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, c, static_cast<size_t>(end - p)))) != nullptr; p++) {
    f(static_cast<size_t>(p - data));
  }
}

// CommonMark's longest link label.
constexpr size_t kMaxLabelBytes = 999;

// `raw` with ASCII letters lowercased, whitespace runs as one space, no space at the ends.
// False when it holds a non-ASCII byte.
bool normalize_label(std::string_view raw, std::string& out) {
  out.clear();
  bool space = false;
  for (char c : raw) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return true;
}

// Whether the `]:` at `at` can end the label of a link reference definition, judged by what
// follows it on its line: a definition's line ends after its destination or with a title
// (md4c's md_is_link_reference_definition: "Nothing more can follow on the last line"). So
// `[^1]: A note.` never defines a link, wherever it stands; `[a]: /url`, `[a]:` (the
// destination on the next line) and `[a]: /url "title` (a title going on) may. The end of
// `text` counts as the line's end: a fragment cut there may go on.
bool may_end_definition_label(std::string_view text, size_t at) {
  size_t i = at + 2;
  auto blank = [&] { return text[i] == ' ' || text[i] == '\t' || text[i] == '\v' || text[i] == '\f'; };
  auto line_ends = [&] { return i >= text.size() || text[i] == '\n' || text[i] == '\r'; };
  auto skip_blanks = [&] {
    while (!line_ends() && blank()) i++;
  };
  skip_blanks();
  if (line_ends() || text[i] == '<') return true;  // `<…>` destinations may hold spaces
  while (!line_ends() && !blank()) i++;  // the destination (md4c's may end sooner: then it fails)
  skip_blanks();
  return line_ends() || text[i] == '"' || text[i] == '\'' || text[i] == '(';
}

}  // namespace

void collect_definition_labels(std::string_view text, std::set<std::string>& labels, bool& unknown) {
  labels.clear();
  unknown = false;
  std::string label;
  each_byte(text, ']', [&](size_t i) {
    if (i + 1 >= text.size() || text[i + 1] != ':' || !may_end_definition_label(text, i)) return;
    const size_t line = text.rfind('\n', i);
    const size_t open = text.rfind('[', i);
    if (open == std::string_view::npos || (line != std::string_view::npos && open < line) ||
        !normalize_label(text.substr(open + 1, i - open - 1), label)) {
      unknown = true;
      return;
    }
    labels.insert(label);
  });
}

bool mentions_label(std::string_view slice, const std::set<std::string>& labels) {
  std::string label;
  bool found = false;
  each_byte(slice, '[', [&](size_t i) {
    if (found) return;
    const size_t close = slice.find(']', i + 1);
    if (close == std::string_view::npos || close - i - 1 > kMaxLabelBytes) return;
    // A label with a non-ASCII byte is matched by no normalised label: `unknown` covers it.
    if (normalize_label(slice.substr(i + 1, close - i - 1), label) && labels.count(label) != 0) found = true;
  });
  return found;
}

uint32_t scan_edit_markers(std::string_view text) {
  uint32_t found = 0;
  const size_t n = text.size();
  each_byte(text, '[', [&](size_t i) {
    found |= kMarkBracket;
    if (i + 1 < n && text[i + 1] == '^') found |= kMarkFootnote;
    if (i > 0 && text[i - 1] == '*' && at_line_start(text, i - 1)) found |= kMarkAbbr;
  });
  each_byte(text, ']', [&](size_t i) {
    if (i + 1 < n && text[i + 1] == ':' && may_end_definition_label(text, i)) found |= kMarkRefDef;
  });
  each_byte(text, '{', [&](size_t i) {
    if (i + 1 >= n) return;
    const char next = text[i + 1];
    if (next == '{' || next == '%') found |= kMarkLiquid;
    if (next != ':') return;
    found |= kMarkIal;
    if (i + 2 < n && text[i + 2] == ':') found |= kMarkExtension;
    if (is_ald(text, i)) found |= kMarkAld;
  });
  return found;
}

// Where md4c's rule for a list item that starts with blank lines may fire (md4c.c, "This
// ugly checking" and "the 2nd half of the hack"): two blank lines in a row, or a list mark
// alone on its line. The rule reads the last block record md4c kept, which can be an earlier
// block's, so a list far from an edit may then parse differently after it.
bool md4c_list_hack_lines(std::string_view text) {
  bool previous_blank = false;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    const size_t first = line.find_first_not_of(" \t");
    const bool blank = first == std::string_view::npos;
    if (blank && previous_blank) return true;
    if (!blank) {
      line = line.substr(first);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      size_t digits = 0;
      while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') digits++;
      const bool bullet = line.size() == 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+');
      const bool ordered = digits > 0 && line.size() == digits + 1 && (line.back() == '.' || line.back() == ')');
      if (bullet || ordered) return true;
    }
    previous_blank = blank;
    at = end + 1;
  }
  return false;
}

// A line whose text after some indentation starts with a fence (```, ~~~).
bool indented_fence_line(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    const size_t indent = line.find_first_not_of(" \t");
    if (indent != 0 && indent != std::string_view::npos &&
        (line.compare(indent, 3, "```") == 0 || line.compare(indent, 3, "~~~") == 0)) {
      return true;
    }
    at = end + 1;
  }
  return false;
}

bool has_heading(std::string_view html) {
  for (size_t i = html.find("<h"); i != std::string_view::npos; i = html.find("<h", i + 2)) {
    if (i + 2 < html.size() && html[i + 2] >= '1' && html[i + 2] <= '6') return true;
  }
  return false;
}

// Whether some text is left once the tags are gone: core/source_map.h places a block by its
// text, so one without (a thematic break, an empty heading, an image without alt text) is
// reported on the next line that has some.
bool has_text(std::string_view html) {
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag && c != ' ' && c != '\n' && c != '\t') {
      return true;
    }
  }
  return false;
}

}  // namespace draftmark
