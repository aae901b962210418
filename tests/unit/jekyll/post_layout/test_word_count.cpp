// Chirpy's read-time word count (strip_html + Jekyll's number_of_words "auto"). The Node test
// tests/node/editor/read-time.test.mjs holds it against Jekyll itself on real posts; these pin
// the rules that make it differ from a plain whitespace split.
#include <doctest/doctest.h>

#include <string>

#include "jekyll/post_layout/word_count.h"

using namespace draftmark;

TEST_CASE("strip_html drops script, style and comments with their content, then every tag") {
  std::string out;
  strip_html("<p>a</p><script>var x = '<p>';</script><!-- c --><style>p{}</style><p>b</p>", out);
  CHECK(out == "ab");
  strip_html("<SCRIPT>kept</SCRIPT> 1 < 2 and <unclosed", out);  // Liquid's regexps are case-sensitive
  CHECK(out == "kept 1 < 2 and <unclosed");  // no ">" after a "<": not a tag
}

TEST_CASE("number_of_words: whitespace-separated words, or CJK characters one by one plus the other runs") {
  CHECK(jekyll_number_of_words("") == 0);
  CHECK(jekyll_number_of_words("  one two\tthree\n") == 3);
  CHECK(jekyll_number_of_words("부스트캠프에서 활동한") == 10);
  CHECK(jekyll_number_of_words("日本語の文章 and text") == 8);
  CHECK(jekyll_number_of_words("a\xC2\xA0" "b") == 1);  // a no-break space is not Ruby's \s
}

TEST_CASE("read time: 180 words a minute, at least one") {
  CHECK(chirpy_read_minutes(0) == 1);
  CHECK(chirpy_read_minutes(359) == 1);
  CHECK(chirpy_read_minutes(360) == 2);
  CHECK(chirpy_word_count("<p>Tom &amp; <em>Jerry</em></p>") == 3);
}
