// What a Liquid expression evaluates to in the preview, and where names come from.
//
// Values are views: lists and maps point into the front matter's YAML tree (owned by
// LiquidScope's caller, alive for the render). `page.date` is a date (Jekyll makes it a
// Time), written as Ruby's Time#to_s: `2022-03-21 23:00:00 +0000`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "draftmark/document.h"
#include "jekyll/front_matter/jekyll_date.h"
#include "jekyll/front_matter/yaml_json.h"

namespace draftmark {

struct LiquidValue {
  enum class Kind : uint8_t { kNil, kBool, kNumber, kString, kList, kMap, kDate };
  Kind kind = Kind::kNil;
  std::string text;                // kBool "true"/"false", kNumber as written, kString
  const YamlValue* node = nullptr; // kList / kMap
  DateParts date;                  // kDate

  static LiquidValue string(std::string s) {
    LiquidValue v;
    v.kind = Kind::kString;
    v.text = std::move(s);
    return v;
  }
  bool truthy() const { return !(kind == Kind::kNil || (kind == Kind::kBool && text == "false")); }
  // Liquid's `default` test: nil, false, "" and empty lists/maps.
  bool empty_for_default() const;
};

// A YAML node as a value (scalars by their Psych type).
LiquidValue value_of(const YamlValue& node);
// Appends what `{{ value }}` writes (Ruby's to_s; lists are joined, as Liquid does).
void append_rendered(const LiquidValue& value, std::string& out);
// `2022-03-21 23:00:00 +0000` (a date without a zone is read as UTC, as on the oracle).
std::string format_ruby_time(const DateParts& date);

// Where the preview finds names: `page` is the front matter, `site` the settings.
struct LiquidScope {
  const YamlValue* page = nullptr;  // the front matter mapping, or nullptr
  const SiteSettings* site = nullptr;
};

}  // namespace draftmark
