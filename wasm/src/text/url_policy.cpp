#include "text/url_policy.h"

#include <cstddef>

namespace draftmark {
namespace {

// Longest prefix we need to see: "data:image/webp" plus slack for tricks.
constexpr size_t kMaxSchemeProbe = 32;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool is_safe_url(std::string_view url, UrlContext context) {
  // Normalise the head of the URL the way a browser's URL parser would see it.
  char head[kMaxSchemeProbe];
  size_t n = 0;
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) i++;  // leading C0/space
  for (; i < url.size() && n < kMaxSchemeProbe; i++) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    if (c == '\t' || c == '\n' || c == '\r') continue;  // stripped anywhere by browsers
    head[n++] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  std::string_view s(head, n);
  size_t colon = s.find(':');
  if (colon == std::string_view::npos) return true;  // relative URL
  // A '/', '?' or '#' before the colon means the colon is not a scheme separator.
  size_t delimiter = s.find_first_of("/?#");
  if (delimiter != std::string_view::npos && delimiter < colon) return true;

  if (starts_with(s, "javascript:") || starts_with(s, "vbscript:") || starts_with(s, "file:")) {
    return false;
  }
  if (starts_with(s, "data:")) {
    (void)context;  // raster images are harmless both as <img src> and as a link target
    return starts_with(s, "data:image/png") || starts_with(s, "data:image/gif") ||
           starts_with(s, "data:image/jpeg") || starts_with(s, "data:image/webp");
  }
  return true;
}

}  // namespace draftmark
