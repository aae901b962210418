#include "jekyll/kramdown/code_box.h"

#include "jekyll/kramdown/block_attributes.h"
#include "text/byte_scan.h"
#include "text/html_escape.h"

namespace draftmark {
namespace {

// A literal's length is known at compile time: no strlen per piece.
template <size_t N>
void append_literal(std::string& out, const char (&literal)[N]) {
  out.append(literal, N - 1);
}

// The code tag's class, as tag_attribute reads it: our renderer writes the class first
// (`<code class="…"`), where tag_attribute's search would find it too; other tags (raw HTML)
// take the search.
std::string_view code_class(std::string_view code_tag) {
  constexpr std::string_view kClassFirst = "<code class=\"";
  if (code_tag.substr(0, kClassFirst.size()) != kClassFirst) return tag_attribute(code_tag, "class");
  const size_t size = code_tag.size() - kClassFirst.size();
  return code_tag.substr(kClassFirst.size(), find_byte(code_tag.data() + kClassFirst.size(), size, '"'));
}

}  // namespace

bool is_code_block_html(std::string_view html) { return html.substr(0, 10) == "<pre><code"; }

void append_code_box(std::string_view html, const AttributeList& attrs, bool unsafe, std::string& out) {
  // find_byte, not find: libc's memchr costs more than the few bytes it looks at here.
  std::string_view code_tag = html.substr(5, find_byte(html.data() + 5, html.size() - 5, '>'));  // after "<pre>"
  std::string_view language_class = code_class(code_tag);
  std::string_view language =
      language_class.substr(0, 9) == "language-" ? language_class.substr(9) : language_class;

  const std::string* file = nullptr;
  if (attrs.empty()) {
    // Most code blocks carry no IAL: the box's one attribute, as append_attributes writes it.
    append_literal(out, "<div class=\"code-block");
    if (!language.empty()) {
      append_literal(out, " language-");
      append_html_escaped(out, language.data(), language.size());
    }
    append_literal(out, " lineno\"");
  } else {
    file = attrs.find("file");
    AttributeList box;
    box.classes = "code-block";
    if (!language.empty()) box.classes += " language-" + std::string(language);
    if (!attrs.has_class("nolineno")) box.classes += " lineno";
    AttributeList rest = attrs;
    rest.remove("file");
    box.merge(rest);
    append_literal(out, "<div");
    append_attributes(out, box, unsafe);
  }
  append_literal(out, "><div class=\"code-header\"><span class=\"code-label");
  if (file != nullptr) {
    append_literal(out, " code-file\">");
    append_html_escaped(out, file->data(), file->size());
  } else {
    append_literal(out, "\">");
    const std::string_view label = language.empty() ? std::string_view("text") : language;
    append_html_escaped(out, label.data(), label.size());
  }
  append_literal(out, "</span></div>");
  // Drop the trailing newline inside the box so it closes cleanly.
  std::string_view body = html;
  bool newline = !body.empty() && body.back() == '\n';
  if (newline) body.remove_suffix(1);
  out.append(body.data(), body.size());
  if (newline) {
    append_literal(out, "</div>\n");
  } else {
    append_literal(out, "</div>");
  }
}

}  // namespace draftmark
