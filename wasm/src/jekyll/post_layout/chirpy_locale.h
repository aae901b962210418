// The strings of Chirpy's post layout in the post's language, from the theme's own locale data
// (chirpy_locales.inc, generated from jekyll-theme-chirpy's _data/locales).
#pragma once

#include <string_view>

namespace draftmark {

struct ChirpyLocale {
  const char* lang;
  const char* posted;
  const char* updated;
  const char* written_by;
  const char* words;
  const char* read_unit;
  const char* read_prompt;
  const char* license_template;  // with ":LICENSE_NAME" where the licence link goes
  const char* license_name;
  const char* license_link;
  const char* date_format;       // strftime; empty: Chirpy's default "%d/%m/%Y"
};

// Chirpy's choice (its lang.html): the page's `lang` if the theme has that locale, else the
// site's `lang`, else "en". `*exact` (optional) tells whether a non-empty requested
// language was found, so a caller can say that a language has no strings.
const ChirpyLocale& chirpy_locale(std::string_view page_lang, std::string_view site_lang, bool* exact = nullptr);

}  // namespace draftmark
