// Escapers for HTML text, attribute values and URLs, and entity decoding.
// All append to a std::string; none allocates beyond the string's growth.
#pragma once

#include <cstddef>
#include <string>

namespace draftmark {

// Escapes & < > " (enough for text and double-quoted attribute values).
void append_html_escaped(std::string& out, const char* text, size_t size);

// Percent-encodes what is not safe in a URL attribute, as md4c-html does
// (keeps existing %XX, reserved characters and UTF-8 bytes are encoded).
void append_url_escaped(std::string& out, const char* text, size_t size);

using Escaper = void (*)(std::string& out, const char* text, size_t size);

// Writes the UTF-8 form of a code point into buf (4 bytes room) and returns its length;
// 0, surrogates and out-of-range values become U+FFFD.
size_t encode_utf8(unsigned codepoint, char* buf);
void append_utf8_codepoint(std::string& out, unsigned codepoint);

// Decodes an entity ("&amp;", "&#123;", "&#x1F600;") and appends it through `escape`
// (so a decoded "&" is still escaped). Unknown names are appended as written.
void append_entity(std::string& out, const char* text, size_t size, Escaper escape);

}  // namespace draftmark
