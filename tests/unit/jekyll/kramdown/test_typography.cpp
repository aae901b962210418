// Expected outputs are kramdown 2.4's (GFM input, Jekyll's options) for the same text; the
// kramdown_text_differential test compares thousands of generated strings with kramdown itself.
#include <doctest/doctest.h>

#include <string>

#include "jekyll/kramdown/typography.h"

using namespace draftmark;

namespace {

std::string convert(const std::string& text) {
  Typography typography;
  std::string out;
  typography.append(out, text.data(), text.size());
  return out;
}

}  // namespace

TEST_CASE("quotes open after spaces and close after words") {
  CHECK(convert("He said \"hello\" and 'bye'.") == "He said \u201Chello\u201D and \u2018bye\u2019.");
  CHECK(convert("It's the '80s, rock 'n' roll.") == "It\u2019s the \u201980s, rock \u2018n\u2019 roll.");
  CHECK(convert("\"'Quoted' words in a larger quote.\"") ==
        "\u201C\u2018Quoted\u2019 words in a larger quote.\u201D");
}

TEST_CASE("quotes around Korean text pair up like kramdown's") {
  CHECK(convert("한국어 \"따옴표\" 그리고 '작은따옴표'") == "한국어 \u201C따옴표\u201D 그리고 \u2018작은따옴표\u2019");
  CHECK(convert("\"한국어\"로 '시작'한다") == "\u201C한국어\u201D로 \u2018시작\u2019한다");
}

TEST_CASE("dashes, ellipsis and guillemets become their characters") {
  CHECK(convert("wait... -- and --- done") == "wait\u2026 \u2013 and \u2014 done");
  CHECK(convert("<< a >> and <<b>> x") == "\u00AB\u00A0a\u00A0\u00BB and \u00ABb\u00BB x");
  CHECK(convert("----") == "\u2014-");
}

TEST_CASE("lone and doubled quotes follow kramdown's rule order") {
  CHECK(convert("\"") == "\u201D");
  CHECK(convert("''") == "\u2019\u2019");
  CHECK(convert("a''b") == "a\u2019\u2018b");
  CHECK(convert("x.\"") == "x.\u201D");
  CHECK(convert("(\"a\") {\"a\"}") == "(\u201Ca\u201D) {\u201Ca\u201D}");
  CHECK(convert("\"s") == "\u201Ds");
  CHECK(convert("3' 4\"") == "3\u2019 4\u201D");
}

TEST_CASE("html special characters are escaped") {
  CHECK(convert("a < b & c > d") == "a &lt; b &amp; c &gt; d");
}

TEST_CASE("after a span the next quote has no context, as in kramdown") {
  // `*a*"` renders <em>a</em>” and `그는 "**강조**"라고` renders “<strong>강조</strong>“라고.
  Typography typography;
  std::string out;
  typography.append(out, "a", 1);
  typography.break_context();
  typography.append(out, "\" b", 3);
  CHECK(out == "a\u201D b");

  out.clear();
  typography.reset();
  typography.append(out, "그는 \"", 8, "**강조**\"");
  typography.break_context();
  typography.append(out, "강조", 6);
  typography.break_context();
  typography.append(out, "\"라고", 7);
  CHECK(out == "그는 \u201C강조\u201C라고");
}

TEST_CASE("context carries over between chunks of the same text") {
  Typography typography;
  std::string out;
  typography.append(out, "don", 3);
  typography.append(out, "'t \"", 4, "*x*");
  CHECK(out == "don\u2019t \u201C");
}

TEST_CASE("lookahead into the following source decides the quote before markup") {
  Typography typography;
  std::string out;
  typography.append(out, "\"", 1, "*a*\"");  // kramdown: “<em>a</em>”
  CHECK(out == "\u201C");
  out.clear();
  typography.reset();
  typography.append(out, "\"", 1);  // without lookahead the chunk end is the text end
  CHECK(out == "\u201D");
}

TEST_CASE("escaped characters are literal and consume the context") {
  Typography typography;
  std::string out;
  typography.append(out, "a", 1);
  typography.append_literal(out, "\"", 1);
  typography.append(out, "-", 1);
  typography.append_literal(out, "-", 1);
  CHECK(out == "a&quot;--");
}

TEST_CASE("plain output converts the same way without escaping") {
  Typography typography;
  std::string out;
  typography.append_plain(out, "\"A & B\" -- <x>", 14);
  CHECK(out == "\u201CA & B\u201D \u2013 <x>");
}

TEST_CASE("soft line breaks fed as newlines are context for the next quote") {
  Typography typography;
  std::string out;
  typography.append(out, "a", 1, "\n'b'");
  typography.append(out, "\n", 1);
  typography.append(out, "'b'", 3);
  CHECK(out == "a\n\u2018b\u2019");
}
