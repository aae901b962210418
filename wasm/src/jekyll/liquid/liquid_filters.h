// The Liquid and Jekyll filters the preview runs, as Jekyll 4.3 / Liquid 5 define them:
//   relative_url absolute_url escape xml_escape date date_to_xmlschema date_to_string
//   date_to_long_string default upcase downcase capitalize strip lstrip rstrip size
//   slugify append prepend remove replace
// `date` takes a strftime format (the common directives, `%-d`-style no-padding flags).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "draftmark/document.h"
#include "jekyll/liquid/liquid_value.h"

namespace draftmark {

// Replaces `value` with `name`'s result. False for a filter the preview does not know
// (Liquid's lax mode then passes the input through, and so do we).
bool apply_filter(std::string_view name, const std::vector<LiquidValue>& args, const LiquidScope& scope,
                  LiquidValue& value);

// Jekyll's URL filters: `input` prefixed by the baseurl (and the site url); inputs with
// a scheme are returned unchanged. Spaces become %20 (Addressable's normalize).
std::string relative_url(std::string_view input, const SiteSettings& site);
std::string absolute_url(std::string_view input, const SiteSettings& site);

// Jekyll's default slugify: lowercase ASCII, every run of characters other than
// letters and digits (non-ASCII bytes count as letters) becomes one '-', trimmed.
std::string slugify(std::string_view input);

// Ruby's strftime for the directives listed in liquid_filters.cpp; unknown ones are copied.
std::string format_strftime(const DateParts& date, std::string_view format);

}  // namespace draftmark
