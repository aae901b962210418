#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/line_starts.h"

using draftmark::LineStarts;

TEST_CASE("line starts kept across edits are those of the edited text") {
  std::mt19937 rng(16);
  const char* const pieces[] = {"", "x", "\n", "ab\ncd", "\n\n\n", "한\n"};
  std::string text = "one\ntwo\n\nthree\n";
  LineStarts kept;
  kept.assign(text);
  for (int n = 0; n < 2000; n++) {
    const size_t offset = rng() % (text.size() + 1);
    const size_t removed = std::min<size_t>(rng() % 6, text.size() - offset);
    const std::string inserted = pieces[rng() % 6];
    text.replace(offset, removed, inserted);
    kept.edit(offset, removed, inserted);
    LineStarts fresh;
    fresh.assign(text);
    REQUIRE(kept.count() == fresh.count());
    for (uint32_t line = 1; line <= fresh.count() + 1; line++) REQUIRE(kept.begin(line) == fresh.begin(line));
    for (size_t at = 0; at <= text.size(); at += 3) REQUIRE(kept.line_of(at) == fresh.line_of(at));
  }
}

TEST_CASE("a final line ending opens no line of its own") {
  LineStarts lines;
  lines.assign("a\nb\n");
  CHECK(lines.count() == 2);
  lines.edit(1, 0, "\nx");
  CHECK(lines.count() == 3);
  CHECK(lines.begin(3) == 4);
  CHECK(lines.line_of(5) == 3);
}
