// The language a post's page declares. Chirpy writes the post's `lang` (else the site's) into
// the page's `lang` attribute, and browsers pick CJK glyphs by it: the same Han character is
// drawn differently in Korean, Japanese and Chinese fonts.

/** The post's `lang` from its front matter, else `siteLang`, else '' (unknown: inherit). */
export function postLanguage(result, siteLang = '') {
  const lang = result?.frontMatter?.lang;
  if (typeof lang === 'string' && lang.trim()) return lang.trim();
  return typeof siteLang === 'string' ? siteLang.trim() : '';
}
