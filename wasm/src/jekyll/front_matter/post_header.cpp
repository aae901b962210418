// The post header Chirpy's `post` layout puts above the content: title, description,
// date, categories, tags. Class names follow Chirpy's where it has them, so a
// Chirpy-like stylesheet can style the preview; links are left out (the preview
// has no site to link to).
#include <string>

#include "jekyll/front_matter/front_matter.h"
#include "text/html_escape.h"
#include "jekyll/front_matter/jekyll_date.h"

namespace draftmark {
namespace {

void append_escaped(std::string& html, const std::string& text) {
  append_html_escaped(html, text.data(), text.size());
}

void append_items(std::string& html, const std::vector<std::string>& items, const char* item_class,
                  const char* separator) {
  for (size_t i = 0; i < items.size(); i++) {
    if (i) html += separator;
    html += "<span class=\"";
    html += item_class;
    html += "\">";
    append_escaped(html, items[i]);
    html += "</span>";
  }
}

}  // namespace

void append_post_header(const FrontMatter& fm, std::string& html) {
  if (!fm.present || !fm.parsed) return;
  bool has_description = !fm.description.empty();
  if (!fm.has_title && !has_description && !fm.has_date && fm.categories.empty() && fm.tags.empty()) return;

  html += "<header class=\"post-header\">\n";
  if (fm.has_title) {
    html += "<h1 data-toc-skip>";
    append_escaped(html, fm.title);
    html += "</h1>\n";
  }
  if (has_description) {
    html += "<p class=\"post-desc\">";
    append_escaped(html, fm.description);
    html += "</p>\n";
  }
  if (fm.has_date) {
    html += "<div class=\"post-meta\"><span class=\"post-date\">Posted <time";
    DateParts parts;
    bool readable = !fm.date_iso.empty() && parse_jekyll_date(fm.date, parts);
    if (readable) {
      html += " datetime=\"";
      append_escaped(html, fm.date_iso);
      html += "\"";
    }
    html += ">";
    append_escaped(html, readable ? format_display(parts) : fm.date);
    html += "</time></span></div>\n";
  }
  if (!fm.categories.empty()) {
    html += "<div class=\"post-categories\">";
    append_items(html, fm.categories, "post-category", ", ");
    html += "</div>\n";
  }
  if (!fm.tags.empty()) {
    html += "<div class=\"post-tags\">";
    append_items(html, fm.tags, "post-tag", " ");
    html += "</div>\n";
  }
  html += "</header>\n";
}

}  // namespace draftmark
