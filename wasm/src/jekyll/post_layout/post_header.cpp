// The header of Chirpy's post layout (see post_layout.h for the shape).
#include <string>

#include "jekyll/front_matter/jekyll_date.h"
#include "jekyll/liquid/liquid_filters.h"
#include "jekyll/post_layout/chirpy_locale.h"
#include "jekyll/post_layout/post_layout.h"
#include "jekyll/post_layout/word_count.h"
#include "text/decimal_text.h"
#include "text/html_escape.h"
#include "text/url_policy.h"

namespace draftmark {
namespace {

void append_escaped(std::string& html, std::string_view text) { append_html_escaped(html, text.data(), text.size()); }

// `label <time datetime="ISO">DATE</time>`, DATE in the locale's format (Chirpy's datetime.html).
void append_date(std::string& html, const char* css_class, const char* label, const std::string& date,
                 const std::string& iso, const ChirpyLocale& locale) {
  html += "<span class=\"";
  html += css_class;
  html += "\">";
  append_escaped(html, label);
  html += " <time";
  DateParts parts;
  bool readable = !iso.empty() && parse_jekyll_date(date, parts);
  if (readable) {
    html += " datetime=\"";
    append_escaped(html, iso);
    html += "\"";
  }
  html += ">";
  append_escaped(html, readable ? format_strftime(parts, *locale.date_format ? locale.date_format : "%d/%m/%Y") : date);
  html += "</time></span>\n";
}

// Chirpy's preview image; a relative path takes `media_subpath` as the content's images do.
void append_preview_image(const PostLayoutInput& in, std::string& html) {
  const FrontMatter::PreviewImage& image = in.front_matter.image;
  std::string src = image.path;
  const std::string& subpath = in.front_matter.media_subpath;
  bool relative = src.find(':') == std::string::npos && src.rfind('/', 0) != 0;
  if (relative && !subpath.empty()) src = subpath + (subpath.back() == '/' ? "" : "/") + src;
  if (!in.unsafe && !is_safe_url(src, UrlContext::kImage)) return;
  html += "<div class=\"post-preview\"><img src=\"";
  append_escaped(html, src);
  html += image.no_bg ? "\" class=\"preview-img\"" : "\" class=\"preview-img bg\"";
  html += " alt=\"";
  append_escaped(html, image.alt.empty() ? std::string_view("Preview Image") : std::string_view(image.alt));
  html += "\"";
  for (auto [name, value] : {std::pair{"width", &image.width}, std::pair{"height", &image.height}}) {
    if (value->empty()) continue;
    html += ' ';
    html += name;
    html += "=\"";
    append_escaped(html, *value);
    html += "\"";
  }
  html += ">";
  if (!image.alt.empty()) {
    html += "<figcaption>";
    append_escaped(html, image.alt);
    html += "</figcaption>";
  }
  html += "</div>\n";
}

void append_author(std::string& html, std::string_view name, std::string_view url) {
  html += "<em>";
  if (!url.empty() && is_safe_url(url, UrlContext::kLink)) {
    html += "<a href=\"";
    append_escaped(html, url);
    html += "\">";
    append_escaped(html, name);
    html += "</a>";
  } else {
    append_escaped(html, name);
  }
  html += "</em>";
}

// "By <em>A</em>, <em>B</em>": the post's authors looked up in _data/authors.yml (an id that
// is not there shows as written), else the site's social name. Nothing without either.
void append_byline_author(const PostLayoutInput& in, const ChirpyLocale& locale, std::string& html) {
  const std::vector<std::string>& ids = in.front_matter.authors;
  if (ids.empty() && in.site.social_name.empty()) return;
  html += "<span class=\"post-author\">";
  append_escaped(html, locale.written_by);
  html += ' ';
  if (ids.empty()) append_author(html, in.site.social_name, in.site.social_link);
  for (size_t i = 0; i < ids.size(); i++) {
    if (i) html += ", ";
    const SiteSettings::Author* known = nullptr;
    for (const SiteSettings::Author& author : in.site.authors) {
      if (author.id == ids[i]) known = &author;
    }
    if (known) append_author(html, known->name, known->url);
    else append_author(html, ids[i], "");
  }
  html += "</span>\n";
}

// Chirpy's read-time.html: `<em>5 min</em> read`, the prompt after a space unless it is
// several words already (Korean "읽는 시간" follows the unit directly).
void append_read_time(const PostLayoutInput& in, const ChirpyLocale& locale, std::string& html) {
  html += "<span class=\"readtime\" title=\"";
  html += decimal(in.words);
  html += ' ';
  append_escaped(html, locale.words);
  html += "\"><em>";
  html += decimal(chirpy_read_minutes(in.words));
  html += ' ';
  append_escaped(html, locale.read_unit);
  html += "</em>";
  if (jekyll_number_of_words(locale.read_prompt) <= 1) html += ' ';
  append_escaped(html, locale.read_prompt);
  html += "</span>";
}

}  // namespace

bool uses_post_layout(const FrontMatter& fm) {
  if (!fm.present || !fm.parsed || !(fm.layout.empty() || fm.layout == "post")) return false;
  // A front matter of settings only (`math: true`) is not a post yet: nothing to frame.
  return fm.has_title || fm.has_date || !fm.description.empty() || !fm.categories.empty() || !fm.tags.empty() ||
         !fm.authors.empty() || !fm.image.path.empty() || !fm.last_modified.empty();
}

void append_post_header(const PostLayoutInput& in, std::string& html) {
  const FrontMatter& fm = in.front_matter;
  if (!fm.present || !fm.parsed) return;
  bool post = uses_post_layout(fm);
  bool other_layout = !fm.layout.empty() && fm.layout != "post";
  if (!post && !(other_layout && fm.has_title)) return;
  html += "<header class=\"post-header\">\n";
  if (fm.has_title) {
    html += "<h1 data-toc-skip>";
    append_escaped(html, fm.title);
    html += "</h1>\n";
  }
  if (!post) {
    html += "</header>\n";
    return;
  }
  const ChirpyLocale& locale = chirpy_locale(fm.lang, in.site.lang);
  if (!fm.description.empty()) {
    html += "<p class=\"post-desc\">";
    append_escaped(html, fm.description);
    html += "</p>\n";
  }
  html += "<div class=\"post-meta\">\n";
  if (fm.has_date) append_date(html, "post-posted", locale.posted, fm.date, fm.date_iso, locale);
  if (!fm.last_modified.empty() && fm.last_modified != fm.date) {
    append_date(html, "post-updated", locale.updated, fm.last_modified, fm.last_modified_iso, locale);
  }
  if (!fm.image.path.empty()) append_preview_image(in, html);
  html += "<div class=\"post-byline\">\n";
  append_byline_author(in, locale, html);
  append_read_time(in, locale, html);
  html += "\n</div>\n</div>\n</header>\n";
}

}  // namespace draftmark
