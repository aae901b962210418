// Minimal JSON output helpers (we only ever write JSON, never parse it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace draftmark {

// Appends a decimal number (no printf: it would pull ~6 KB of formatting code into the wasm).
void append_uint(std::string& out, uint64_t value);

// Appends `text` as a JSON string literal, quotes included. Input must be valid UTF-8.
void append_json_string(std::string& out, std::string_view text);

}  // namespace draftmark
