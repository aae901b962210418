#include "jekyll/post_layout/chirpy_locale.h"

namespace draftmark {
namespace {

#include "jekyll/post_layout/chirpy_locales.inc"

const ChirpyLocale* find_locale(std::string_view lang) {
  if (lang.empty()) return nullptr;
  for (const ChirpyLocale& locale : kChirpyLocales) {
    if (lang == locale.lang) return &locale;
  }
  return nullptr;
}

}  // namespace

const ChirpyLocale& chirpy_locale(std::string_view page_lang, std::string_view site_lang, bool* exact) {
  const ChirpyLocale* page = find_locale(page_lang);
  const ChirpyLocale* site = page ? nullptr : find_locale(site_lang);
  std::string_view wanted = page_lang.empty() ? site_lang : page_lang;
  if (exact) *exact = wanted.empty() || page || (page_lang.empty() && site);
  if (page) return *page;
  if (site) return *site;
  return *find_locale("en");
}

}  // namespace draftmark
