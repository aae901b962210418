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

namespace {
// String#split's words by definition, one byte at a time: runs of bytes other than ASCII
// whitespace and NUL (for text without CJK characters, where "auto" counts just these).
size_t split_words_byte_by_byte(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool separator = c == ' ' || (c >= '\t' && c <= '\r') || c == '\0';
    words += !separator && !in_word;
    in_word = !separator;
  }
  return words;
}
}  // namespace

TEST_CASE("word count: text cut by tags and non-ASCII characters at every offset of the eight-byte steps") {
  const std::string pieces[] = {"ab", " ", "cd\t", "<b>", "</b>", "\xC3\xA9", "\xE2\x80\x94", std::string("x\0y", 3),
                                "\n", "<a href=\"u v\">", "word", "  "};
  constexpr size_t kPieces = sizeof(pieces) / sizeof(pieces[0]);
  for (size_t lead = 0; lead < 10; lead++) {
    for (size_t a = 0; a < kPieces; a++) {
      for (size_t b = 0; b < kPieces; b++) {
        const std::string html = std::string(lead, 'q') + pieces[a] + "mid dle" + pieces[b] + pieces[(a + b) % kPieces] +
                                 "tail end ok";
        std::string stripped;
        strip_html(html, stripped);
        CHECK_MESSAGE(chirpy_word_count(html) == split_words_byte_by_byte(stripped), html);
      }
    }
  }
}

TEST_CASE("word count: tags skipped while counting, next to scripts, comments, stray '<' and unclosed tags") {
  const std::string pieces[] = {"<span>x</span>", "<!-- c d -->", "<script>e f</script>", "<<b>", "a<b<c>d", "<b",
                                "<style>g</style>", "<s>h</s>", "<i>", "\xEA\xB0\x80 ", " ", "w"};
  constexpr size_t kPieces = sizeof(pieces) / sizeof(pieces[0]);
  for (size_t a = 0; a < kPieces; a++) {
    for (size_t b = 0; b < kPieces; b++) {
      for (const char* lead : {"", "<p>", "x <em>y</em>"}) {
        const std::string html = lead + pieces[a] + "one two" + pieces[b] + "<br>" + pieces[(a + b) % kPieces] + "end";
        std::string stripped;
        strip_html(html, stripped);
        CHECK_MESSAGE(chirpy_word_count(html) == jekyll_number_of_words(stripped), html);
        // As two blocks (cut at the <br>, both halves with their tags closed): the same count.
        if (a >= 3 && a <= 5) continue;
        const size_t cut = html.find("<br>");
        WordCounter counter;
        counter.add(counter.tally_html(std::string_view(html).substr(0, cut)));
        counter.add(counter.tally_html(std::string_view(html).substr(cut)));
        CHECK_MESSAGE(counter.words() == chirpy_word_count(html), html);
      }
    }
  }
}
