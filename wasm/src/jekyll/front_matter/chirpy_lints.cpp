// Chirpy's expectations of a post's front matter, as warnings. What the theme
// documents (https://chirpy.cotes.page/posts/write-a-new-post/): a title, a date
// `YYYY-MM-DD HH:MM:SS +/-TTTT`, `categories: [TOP, SUB]` (at most two levels) and
// `tags: [...]` as lists. The body lints (math, mermaid) live with the renderer.
#include <string>

#include "jekyll/front_matter/front_matter.h"
#include "text/decimal_text.h"
#include "jekyll/front_matter/jekyll_date.h"

namespace draftmark {
namespace {

void warn(std::vector<Diagnostic>& out, const FrontMatter& fm, SourcePoint at, const char* code,
          std::string message) {
  if (at.line == 0) at = SourcePoint{fm.first_line, 1};  // the key is absent: point at the opening ---
  out.push_back(Diagnostic{at.line, at.column, Severity::kWarning, code, std::move(message)});
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

void lint_list(const FrontMatter& fm, ValueShape shape, SourcePoint at, const std::vector<std::string>& items,
               const char* key, const char* code, const char* example, std::vector<Diagnostic>& out) {
  if (shape != ValueShape::kScalar && shape != ValueShape::kMapping) return;
  std::string message = std::string(key) + " should be a list like " + example;
  if (shape == ValueShape::kScalar && items.size() > 1) {
    message += "; Jekyll splits this text at spaces into " + decimal(items.size()) + " " + key;
  }
  warn(out, fm, at, code, message + ".");
}

}  // namespace

void lint_front_matter(const FrontMatter& fm, std::vector<Diagnostic>& diagnostics) {
  if (!fm.present || !fm.parsed) return;  // no front matter, or its YAML error says enough
  if (!fm.has_title) {
    warn(diagnostics, fm, fm.title_at, "missing-title", "The front matter has no title; Chirpy shows `title:` as the post's heading.");
  }
  if (!fm.has_date) {
    warn(diagnostics, fm, fm.date_at, "missing-date",
         "The front matter has no date; Jekyll then takes it from the file name (YYYY-MM-DD-title.md).");
  } else if (!is_chirpy_date(fm.date)) {
    std::string message = "date " + quoted(fm.date);
    if (fm.date_iso.empty()) {
      message += " is not a date Draftmark can read; Jekyll may stop the build with \"Invalid date\". "
                 "Write it as YYYY-MM-DD HH:MM:SS +/-TTTT.";
    } else {
      message += " is not in Chirpy's form YYYY-MM-DD HH:MM:SS +/-TTTT; Jekyll reads it as " + fm.date_iso;
      DateParts parts;
      if (parse_jekyll_date(fm.date, parts) && !parts.has_zone) message += " in the site's time zone";
      message += ".";
    }
    warn(diagnostics, fm, fm.date_at, "date-format", std::move(message));
  }
  lint_list(fm, fm.categories_shape, fm.categories_at, fm.categories, "categories", "categories-not-list",
            "[Top, Sub]", diagnostics);
  lint_list(fm, fm.tags_shape, fm.tags_at, fm.tags, "tags", "tags-not-list", "[tag one, tag two]", diagnostics);
  if (fm.categories_shape == ValueShape::kList && fm.categories.size() > 2) {
    std::string path;
    for (const std::string& c : fm.categories) path += (path.empty() ? "" : " > ") + c;
    warn(diagnostics, fm, fm.categories_at, "categories-depth",
         "Chirpy shows at most two category levels (top and sub-category); this post has " +
             decimal(fm.categories.size()) + ": " + path + ".");
  }
}

}  // namespace draftmark
