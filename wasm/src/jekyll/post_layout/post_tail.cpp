// The tail of Chirpy's post layout (see post_layout.h for the shape): categories with the
// folder icon, tags as pills with the tags icon, and the locale's licence line.
#include <string>
#include <string_view>
#include <vector>

#include "jekyll/post_layout/chirpy_locale.h"
#include "jekyll/post_layout/post_layout.h"
#include "text/html_escape.h"

namespace draftmark {
namespace {

void append_escaped(std::string& html, std::string_view text) { append_html_escaped(html, text.data(), text.size()); }

void append_items(std::string& html, const char* box_class, const char* icon, const std::vector<std::string>& items,
                  const char* item_class, const char* separator) {
  if (items.empty()) return;
  html += "<div class=\"";
  html += box_class;
  html += "\"><i class=\"dm-icon dm-icon-";
  html += icon;
  html += "\" aria-hidden=\"true\"></i> ";  // Chirpy's markup has a space there too
  for (size_t i = 0; i < items.size(); i++) {
    if (i) html += separator;
    html += "<span class=\"";
    html += item_class;
    html += "\">";
    append_escaped(html, items[i]);
    html += "</span>";
  }
  html += "</div>\n";
}

// The template with ":LICENSE_NAME" replaced by the licence's link (Liquid's `replace`: every one).
void append_license(std::string& html, const ChirpyLocale& locale) {
  std::string_view text = locale.license_template;
  if (text.empty()) return;
  html += "<div class=\"post-tail-bottom\"><div class=\"license-wrapper\">";
  constexpr std::string_view kName = ":LICENSE_NAME";
  for (size_t at; (at = text.find(kName)) != std::string_view::npos; text.remove_prefix(at + kName.size())) {
    append_escaped(html, text.substr(0, at));
    html += "<a href=\"";
    append_escaped(html, locale.license_link);
    html += "\">";
    append_escaped(html, locale.license_name);
    html += "</a>";
  }
  append_escaped(html, text);
  html += "</div></div>\n";
}

}  // namespace

void append_post_tail(const PostLayoutInput& in, std::string& html) {
  const FrontMatter& fm = in.front_matter;
  if (!uses_post_layout(fm)) return;
  html += "<footer class=\"post-tail-wrapper\">\n";
  append_items(html, "post-categories", "folder", fm.categories, "post-category", ", ");
  append_items(html, "post-tags", "tags", fm.tags, "post-tag", " ");
  append_license(html, chirpy_locale(fm.lang, in.site.lang));
  html += "</footer>\n";
}

}  // namespace draftmark
