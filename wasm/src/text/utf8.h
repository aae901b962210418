// UTF-8 validation and repair, and UTF-16 length counting for the JS boundary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace draftmark {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or values above
// U+10FFFF) and contains no NUL byte. Otherwise `repaired` receives a copy where each
// maximal invalid subsequence and each NUL is replaced by U+FFFD, and false is returned.
bool check_or_repair_utf8(std::string_view text, std::string& repaired);

// Number of UTF-16 code units the (valid) UTF-8 bytes encode.
size_t utf16_length(const char* text, size_t size);

// The longest prefix of the (valid) UTF-8 `text` that is at most `max_bytes` long and does
// not cut a character in two: for shortening text quoted in a message.
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

}  // namespace draftmark
