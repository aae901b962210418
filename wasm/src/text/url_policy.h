// Decides whether a link or image destination is safe to emit.
//
// Browsers ignore leading whitespace/control characters and embedded tabs and
// newlines in a URL's scheme, and entities are decoded before the URL is used, so
// the check runs on the decoded text with those removed and the scheme lowercased.
// Blocked: javascript:, vbscript:, file:, and data: except raster images.
#pragma once

#include <string_view>

namespace draftmark {

enum class UrlContext { kLink, kImage };

// `decoded_url` has entities already decoded.
bool is_safe_url(std::string_view decoded_url, UrlContext context);

}  // namespace draftmark
