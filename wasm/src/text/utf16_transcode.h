// UTF-8 to UTF-16 for the JS boundary: the page handed to JS as UTF-16 code units, which
// JS turns into a string with a copy (Node's Buffer) instead of decoding UTF-8 byte by byte
// (V8 decodes everything after the first non-ASCII byte one byte at a time: ~0.2 GB/s).
#pragma once

#include <cstddef>
#include <cstdint>

namespace draftmark {

// Returned by utf8_to_utf16 for bytes that are not well-formed UTF-8.
constexpr size_t kNotUtf8 = SIZE_MAX;

// Writes the UTF-16 code units of the UTF-8 bytes p[0, size) to `out`, which has room for
// `size` units (never more are needed), and returns how many were written; kNotUtf8 at the
// first overlong, surrogate, value above U+10FFFF or cut sequence (then `out` holds part).
// Example: "a한😀" (1 + 3 + 4 bytes) -> 0x0061 0xD55C 0xD83D 0xDE00, returns 4.
size_t utf8_to_utf16(const char* p, size_t size, uint16_t* out);

}  // namespace draftmark
