#include <doctest/doctest.h>

#include <string>

#include "text/byte_scan.h"

TEST_CASE("bytes_present says which of four bytes a text holds, in the eight-byte part and the tail") {
  constexpr char kBytes[4] = {'{', '$', '[', '\x01'};
  auto present = [&](const std::string& s) { return draftmark::bytes_present(s.data(), s.size(), kBytes); };
  CHECK(present("") == 0u);
  CHECK(present("plain text, longer than eight bytes") == 0u);
  CHECK(present("{") == 1u);
  CHECK(present("costs $5 [see") == (2u | 4u));
  CHECK(present("0123456789abcdef{") == 1u);        // only in the tail
  CHECK(present("01234567\x01") == 8u);
  CHECK(present("[^1] and {:.x} cost $ ok\x01") == 15u);  // all in the words
}
