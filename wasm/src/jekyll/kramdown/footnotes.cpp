#include "jekyll/kramdown/footnotes.h"

#include <algorithm>

#include "text/html_escape.h"
#include "text/json_writer.h"

namespace draftmark {
namespace {

constexpr char kBacklinkText[] = "&#8617;&#xfe0e;";

void append_backlink(std::string& out, const std::string& target, const char* space, uint32_t index) {
  out += space;
  out += "<a href=\"#fnref:";
  append_html_escaped(out, target.data(), target.size());
  out += "\" class=\"reversefootnote\" role=\"doc-backlink\">";
  out += kBacklinkText;
  if (index > 0) {
    out += "<sup>";
    append_uint(out, index + 1);
    out += "</sup>";
  }
  out += "</a>";
}

}  // namespace

void append_footnotes(JekyllContext& jekyll, const std::vector<FootnoteDefinition>& definitions,
                      const std::function<void(const std::string&, std::string&)>& render_markdown,
                      std::string& out) {
  if (jekyll.footnote_order.empty()) return;
  out += "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n";
  std::string content;
  for (size_t k = 0; k < jekyll.footnote_order.size(); k++) {  // grows while rendering
    size_t index = jekyll.footnote_order[k];
    const FootnoteDefinition& def = definitions[index];
    content.clear();
    render_markdown(def.markdown, content);
    while (!content.empty() && content.back() == '\n') content.pop_back();

    std::string backlinks;
    bool in_paragraph = content.size() >= 4 && content.compare(content.size() - 4, 4, "</p>") == 0;
    const char* nbsp = "\xC2\xA0";  // kramdown writes the character itself
    append_backlink(backlinks, def.label, in_paragraph ? nbsp : "", 0);
    for (uint32_t r = 1; r < jekyll.footnote_refs[index]; r++) {
      std::string target = def.label + ":";
      append_uint(target, r);
      append_backlink(backlinks, target, nbsp, r);
    }
    out += "<li id=\"fn:";
    append_html_escaped(out, def.label.data(), def.label.size());
    out += "\" role=\"doc-endnote\">\n";
    if (in_paragraph) {
      content.insert(content.size() - 4, backlinks);
      out += content;
    } else {
      out += content;
      if (!content.empty()) out += '\n';
      out += "<p>" + backlinks + "</p>";
    }
    out += "\n</li>\n";
  }
  out += "</ol>\n</div>\n";
}

void footnote_list_lines(const std::vector<FootnoteDefinition>& definitions, const std::vector<size_t>& order,
                         uint32_t line_count, uint32_t after, uint32_t& first, uint32_t& last) {
  first = line_count;
  last = 1;
  for (size_t index : order) {
    first = std::min(first, definitions[index].first_line);
    last = std::max(last, definitions[index].last_line);
  }
  if (after > 0) first = std::max(first, after + 1);
  last = std::max(last, first);
}

}  // namespace draftmark
