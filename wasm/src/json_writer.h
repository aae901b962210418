// Minimal JSON output helpers (we only ever write JSON, never parse it).
#pragma once

#include <string>
#include <string_view>

namespace draftmark {

// Appends `text` as a JSON string literal, quotes included. Input must be valid UTF-8.
void append_json_string(std::string& out, std::string_view text);

}  // namespace draftmark
