// Reads one YAML document with libyaml (the parser under Ruby's Psych, which Jekyll
// uses) into a small tree typed as Psych types it, and writes that tree as JSON.
// This is the only file that talks to libyaml.
//
// Typing (see yaml_scalar.h): plain scalars become null / booleans / numbers / strings
// by YAML 1.1 rules; quoted and block (| >) scalars stay strings; `!!str` forces a
// string, `!!int`, `!!float`, `!!bool`, `!!null`, `!!timestamp` force typing of
// the text; other tags are ignored.
//
// Safety: aliases (*name) are NOT expanded — each reads as null and the first one
// gets a warning — so alias bombs cost nothing. Nesting deeper than kMaxYamlDepth or
// text longer than kMaxYamlBytes stops parsing with an error. The tree is built
// without recursion; writing JSON recurses at most kMaxYamlDepth levels.
//
// Mappings keep their first-seen key order; a repeated key keeps its first position
// and takes the last value (as a Ruby Hash does) and gets a warning. Keys become JSON
// strings: scalars as Ruby's to_s writes them (`1` -> "1", `~` -> ""), sequences and
// mappings as their JSON text.
//
// Example:
//   YamlDocument doc;
//   parse_yaml("---\ntitle: Hi\ntags: [a, 1]\n", doc);   // doc.ok
//   std::string json; append_json(doc.root, json);      // {"title":"Hi","tags":["a",1]}
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "draftmark/document.h"
#include "jekyll/front_matter/yaml_scalar.h"

namespace draftmark {

// Real front matter nests 2-3 levels; 64 leaves room for any honest use while
// bounding the JSON writer's recursion (wasm has a small stack).
constexpr size_t kMaxYamlDepth = 64;
// Front matter is normally under 2 KB. 256 KiB is generous and bounds a keystroke's
// re-parse to tens of milliseconds (about 1 ms per 4 KiB of dense YAML natively).
constexpr size_t kMaxYamlBytes = size_t{256} << 10;
// A generated file may repeat a key thousands of times; a few warnings make the point.
constexpr size_t kMaxDuplicateKeyWarnings = 10;

struct YamlValue {
  enum class Kind : unsigned char { kNull, kBool, kInt, kFloat, kString, kSequence, kMapping };
  Kind kind = Kind::kNull;
  std::string text;               // scalars: as TypedScalar::text (JSON number, "true", the string)
  std::string iso;                // dates/timestamps: ISO 8601 form, else empty
  size_t offset = 0;              // byte offset in the YAML text where the node starts
  std::vector<YamlValue> items;   // sequence items, or mapping values
  std::vector<std::string> keys;  // mapping keys, parallel to items, unique
  std::vector<size_t> key_offsets;

  bool is_scalar() const { return kind != Kind::kSequence && kind != Kind::kMapping; }
  // The mapping's value for `key`, or nullptr.
  const YamlValue* find(std::string_view key) const;
  size_t key_offset(std::string_view key) const;  // 0 when absent
};

struct YamlIssue {
  size_t offset = 0;  // byte offset in the YAML text
  Severity severity = Severity::kError;
  std::string code;     // "yaml-syntax", "yaml-too-deep", "yaml-too-large", "yaml-alias", "yaml-duplicate-key"
  std::string message;  // libyaml's problem, e.g. "could not find expected ':'"
  std::string context;  // libyaml's context, e.g. "while scanning a simple key"; may be empty
  size_t context_offset = 0;
};

struct YamlDocument {
  bool ok = false;      // parsed completely (warnings allowed); root is meaningless otherwise
  YamlValue root;       // null for an empty document
  std::vector<YamlIssue> issues;
};

// `yaml` must be valid UTF-8 (the renderer repairs input first). Only the first
// document of a stream is read.
void parse_yaml(std::string_view yaml, YamlDocument& out);

// Compact JSON (no spaces); mapping keys in their order.
void append_json(const YamlValue& value, std::string& out);

}  // namespace draftmark
