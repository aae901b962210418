#include "jekyll/kramdown/block_attributes.h"

#include "jekyll/kramdown/code_box.h"
#include "text/html_escape.h"

namespace draftmark {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

// Where ` name="` starts in `tag`, or npos; found without building the needle (every code
// block's tag is read, and a string per search cost an allocation each).
size_t find_attribute(std::string_view tag, std::string_view name) {
  for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    const size_t after = at + name.size();
    if (at > 0 && tag[at - 1] == ' ' && starts_with(tag.substr(after), "=\"")) return at - 1;
  }
  return std::string_view::npos;
}

}  // namespace

std::string_view tag_attribute(std::string_view tag, std::string_view name) {
  size_t at = find_attribute(tag, name);
  if (at == std::string_view::npos) return {};
  size_t begin = at + name.size() + 3;  // ` name="`
  size_t end = tag.find('"', begin);
  return tag.substr(begin, end - begin);
}

namespace {

std::string_view remove_tag_attribute(std::string_view tag, std::string_view name, std::string& storage) {
  size_t at = find_attribute(tag, name);
  if (at == std::string_view::npos) return tag;
  size_t end = tag.find('"', at + name.size() + 3);
  storage.assign(tag.substr(0, at));
  storage.append(tag.substr(end + 1));
  return storage;
}

// Rewrites the tag starting at `tag_begin` in `html`: existing class and id merge
// with the IAL's (IAL id wins, classes append).
void append_rewritten(std::string_view html, size_t tag_begin, const AttributeList& attrs, bool unsafe,
                      std::string& out) {
  size_t tag_end = html.find('>', tag_begin);
  if (tag_end == std::string_view::npos) {
    out.append(html);
    return;
  }
  std::string_view tag = html.substr(tag_begin, tag_end - tag_begin);  // without '>'
  bool self_closing = !tag.empty() && tag.back() == '/';
  if (self_closing) tag.remove_suffix(tag.size() > 1 && tag[tag.size() - 2] == ' ' ? 2 : 1);
  AttributeList merged;
  std::string_view existing_class = tag_attribute(tag, "class");
  merged.classes.assign(existing_class);
  merged.id.assign(tag_attribute(tag, "id"));
  merged.merge(attrs);
  std::string s1, s2;
  tag = remove_tag_attribute(tag, "class", s1);
  tag = remove_tag_attribute(tag, "id", s2);
  out.append(html.substr(0, tag_begin));
  out.append(tag);
  append_attributes(out, merged, unsafe);
  out.append(self_closing ? " />" : ">");
  out.append(html.substr(tag_end + 1));
}

void append_toc_level(const std::vector<HeadingInfo>& headings, size_t& i, unsigned level, std::string& out) {
  out += level == 0 ? "<ul id=\"markdown-toc\">\n" : "<ul>\n";
  unsigned this_level = headings[i].level;
  while (i < headings.size() && headings[i].level >= this_level) {
    const HeadingInfo& h = headings[i];
    if (h.level > this_level) {
      // Deeper headings nest inside the previous item.
      out.resize(out.size() - 6);  // reopen the last "</li>\n"
      out += '\n';
      append_toc_level(headings, i, level + 1, out);
      out += "</li>\n";
      continue;
    }
    out += "<li><a href=\"#";
    append_html_escaped(out, h.id.data(), h.id.size());
    out += "\" id=\"markdown-toc-";
    append_html_escaped(out, h.id.data(), h.id.size());
    out += "\">";
    out += h.html;
    out += "</a></li>\n";
    i++;
  }
  out += "</ul>\n";
}

}  // namespace

bool append_block_with_attributes(std::string_view html, const AttributeList& attrs,
                                  const std::vector<HeadingInfo>& headings, bool unsafe, std::string& out) {
  bool toc = false;
  for (const std::string& ref : attrs.refs) toc = toc || ref == "toc";
  if (toc && (starts_with(html, "<ul") || starts_with(html, "<ol"))) {
    std::vector<HeadingInfo> listed;
    for (const HeadingInfo& h : headings) {
      if (!h.id.empty()) listed.push_back(h);
    }
    size_t i = 0;  // with no heading ids, the list is replaced by nothing
    while (i < listed.size()) append_toc_level(listed, i, 0, out);
    return true;
  }
  if (is_code_block_html(html)) {
    append_code_box(html, attrs, unsafe, out);
    return true;
  }
  if (attrs.empty() || html.empty() || html[0] != '<') return false;
  size_t tag_begin = starts_with(html, "<div class=\"table-wrapper\"><table") ? 27 : 0;
  append_rewritten(html, tag_begin, attrs, unsafe, out);
  return true;
}

}  // namespace draftmark
