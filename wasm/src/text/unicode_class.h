// The character classes kramdown's Ruby regexes use, without ICU: Onigmo's \p{Word} and
// String#downcase, from tables generated out of the same Ruby that runs kramdown
// (scripts/generate-unicode-tables.rb; Unicode 13.0, every plane, about 7 KB of tables).
// Used by heading ids (which characters survive), smart quotes (\b boundaries) and the
// word count of Chirpy's read time.
#pragma once

#include <cstddef>
#include <string>

namespace draftmark {

// True for code points matching Ruby's /\p{Word}/: letters (Hangul, Han, Kana, Latin,
// Greek, Cyrillic…), combining marks, decimal digits and connector punctuation ("_", "‿").
// Note Ruby's /\w/ is ASCII-only while /\b/ uses this wider class; callers pick.
bool is_word_code_point(char32_t code_point);

// True for the code points Jekyll's number_of_words counts one by one (its CJK class,
// [\p{Han}\p{Katakana}\p{Hiragana}\p{Hangul}] in Ruby's Onigmo).
// Hangul syllables and the CJK unified ideographs (Unicode 13): most of any CJK text, and
// letters without case, so the classes below answer them without a table search.
inline bool is_common_cjk(char32_t code_point) {
  return (code_point >= 0xAC00 && code_point <= 0xD7A3) || (code_point >= 0x4E00 && code_point <= 0x9FFC);
}
bool is_cjk_code_point_in_table(char32_t code_point);
inline bool is_cjk_code_point(char32_t code_point) {
  if (code_point < 0x1100) return false;
  return is_common_cjk(code_point) || is_cjk_code_point_in_table(code_point);
}

// Appends the UTF-8 of Ruby's String#downcase of one code point (full Unicode, no
// context rules: "Σ" is always "σ"; "İ" becomes "i" + U+0307, the only two-code-point case).
void append_lowercase(std::string& out, char32_t code_point);

// Decodes the code point starting at text[0] (size > 0) and stores its byte length
// (1-4) in *length. Malformed or truncated sequences decode as U+FFFD of length 1, so a
// loop over invalid bytes always advances.
char32_t decode_utf8(const char* text, size_t size, size_t* length);

}  // namespace draftmark
