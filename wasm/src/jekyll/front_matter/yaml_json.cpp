#include "jekyll/front_matter/yaml_json.h"

#include <cstring>
#include <map>
#include <utility>

#include "text/json_writer.h"

extern "C" {
#include <yaml.h>
}

namespace draftmark {
namespace {

constexpr char kTagPrefix[] = "tag:yaml.org,2002:";

// libyaml marks count characters (code points); we report bytes. Marks arrive
// mostly in order, so a forward-moving cursor keeps the conversion linear.
class MarkToByte {
 public:
  explicit MarkToByte(std::string_view text) : text_(text) {}
  size_t operator()(size_t index) {
    if (index < index_) index_ = byte_ = 0;
    while (index_ < index && byte_ < text_.size()) {
      unsigned char lead = static_cast<unsigned char>(text_[byte_]);
      byte_ += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      index_++;
    }
    return byte_ < text_.size() ? byte_ : text_.size();
  }

 private:
  std::string_view text_;
  size_t index_ = 0, byte_ = 0;
};

YamlValue::Kind kind_of(ScalarType type) {
  switch (type) {
    case ScalarType::kNull: return YamlValue::Kind::kNull;
    case ScalarType::kBool: return YamlValue::Kind::kBool;
    case ScalarType::kInt: return YamlValue::Kind::kInt;
    case ScalarType::kFloat: return YamlValue::Kind::kFloat;
    case ScalarType::kString: break;
  }
  return YamlValue::Kind::kString;
}

bool tag_is(const char* tag, const char* name) {
  size_t prefix = sizeof kTagPrefix - 1;
  return std::strncmp(tag, kTagPrefix, prefix) == 0 && std::strcmp(tag + prefix, name) == 0;
}

YamlValue scalar_value(const yaml_event_t& event) {
  const auto& scalar = event.data.scalar;
  std::string_view text(reinterpret_cast<const char*>(scalar.value), scalar.length);
  const char* tag = reinterpret_cast<const char*>(scalar.tag);
  bool typed = scalar.style == YAML_PLAIN_SCALAR_STYLE;
  if (tag) {
    if (std::strcmp(tag, "!") == 0 || tag_is(tag, "str") || tag_is(tag, "binary")) {
      typed = false;
    } else if (tag_is(tag, "int") || tag_is(tag, "float") || tag_is(tag, "bool") || tag_is(tag, "null") ||
               tag_is(tag, "timestamp")) {
      typed = true;  // an explicit type asks for typing even when quoted
    }
  }
  YamlValue value;
  if (!typed) {
    value.kind = YamlValue::Kind::kString;
    value.text.assign(text.data(), text.size());
    return value;
  }
  TypedScalar typed_scalar;
  type_plain_scalar(text, typed_scalar);
  value.kind = kind_of(typed_scalar.type);
  value.text = std::move(typed_scalar.text);
  value.iso = std::move(typed_scalar.iso);
  return value;
}

// What Ruby's to_s would make of a key, so it can be a JSON object key.
std::string key_text(const YamlValue& key) {
  if (key.is_scalar()) return key.text;  // kNull's text is ""
  std::string json;
  append_json(key, json);
  return json;
}

// During the build a mapping holds [key0, value0, key1, value1, ...] in items.
void finish_mapping(YamlValue& mapping, size_t& duplicate_warnings, std::vector<YamlIssue>& issues) {
  std::vector<YamlValue> pairs = std::move(mapping.items);
  mapping.items.clear();
  mapping.items.reserve(pairs.size() / 2);
  mapping.keys.reserve(pairs.size() / 2);
  mapping.key_offsets.reserve(pairs.size() / 2);
  std::map<std::string, size_t> position;
  for (size_t i = 0; i + 1 < pairs.size(); i += 2) {
    std::string key = key_text(pairs[i]);
    auto found = position.find(key);
    if (found != position.end()) {
      if (duplicate_warnings++ < kMaxDuplicateKeyWarnings) issues.push_back(YamlIssue{pairs[i].offset, Severity::kWarning, "yaml-duplicate-key",
                                 "Duplicate key \"" + key + "\": the last value wins, as in Jekyll.", "", 0});
      mapping.items[found->second] = std::move(pairs[i + 1]);
      continue;
    }
    position.emplace(key, mapping.items.size());
    mapping.keys.push_back(std::move(key));
    mapping.key_offsets.push_back(pairs[i].offset);
    mapping.items.push_back(std::move(pairs[i + 1]));
  }
}

void set_error(const yaml_parser_t& parser, MarkToByte& to_byte, std::vector<YamlIssue>& issues) {
  YamlIssue issue;
  issue.code = "yaml-syntax";
  if (parser.error == YAML_MEMORY_ERROR) {
    issue.message = "out of memory while reading YAML";
  } else if (parser.error == YAML_READER_ERROR) {
    issue.offset = parser.problem_offset;  // already in bytes
    issue.message = parser.problem ? parser.problem : "unreadable text";
  } else {
    issue.message = parser.problem ? parser.problem : "invalid YAML";
    issue.offset = to_byte(parser.problem_mark.index);
    if (parser.context) {
      issue.context = parser.context;
      issue.context_offset = to_byte(parser.context_mark.index);
      // A scanner error's context mark is the token that went wrong (the start of a
      // key missing its ':', an unclosed quote); its problem mark is where the
      // scanner gave up, often the next line. Point at the token.
      if (parser.error == YAML_SCANNER_ERROR) issue.offset = issue.context_offset;
    }
  }
  issues.push_back(std::move(issue));
}

}  // namespace

const YamlValue* YamlValue::find(std::string_view key) const {
  for (size_t i = 0; i < keys.size(); i++) {
    if (keys[i] == key) return &items[i];
  }
  return nullptr;
}

size_t YamlValue::key_offset(std::string_view key) const {
  for (size_t i = 0; i < keys.size(); i++) {
    if (keys[i] == key) return key_offsets[i];
  }
  return 0;
}

void parse_yaml(std::string_view yaml, YamlDocument& out) {
  out.ok = false;
  out.root = YamlValue{};
  out.issues.clear();
  if (yaml.size() > kMaxYamlBytes) {
    out.issues.push_back(YamlIssue{0, Severity::kError, "yaml-too-large",
        "Front matter is larger than 256 KiB; Draftmark does not read it.", "", 0});
    return;
  }
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    out.issues.push_back(YamlIssue{0, Severity::kError, "yaml-syntax", "out of memory while reading YAML", "", 0});
    return;
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(yaml.data()), yaml.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

  MarkToByte to_byte(yaml);
  std::vector<YamlValue*> open;  // containers being filled, innermost last
  bool warned_alias = false, done = false;
  size_t duplicate_warnings = 0;
  // Adds a finished or just-opened node where it belongs. The returned pointer stays
  // valid while the node is open: only the innermost container ever grows.
  auto place = [&](YamlValue&& node) -> YamlValue* {
    if (open.empty()) {
      out.root = std::move(node);
      return &out.root;
    }
    open.back()->items.push_back(std::move(node));
    return &open.back()->items.back();
  };

  while (!done) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      set_error(parser, to_byte, out.issues);
      yaml_parser_delete(&parser);
      return;
    }
    size_t offset = to_byte(event.start_mark.index);
    switch (event.type) {
      case YAML_SCALAR_EVENT: {
        YamlValue node = scalar_value(event);
        node.offset = offset;
        place(std::move(node));
        break;
      }
      case YAML_ALIAS_EVENT: {
        if (!warned_alias) {
          warned_alias = true;
          std::string name(reinterpret_cast<const char*>(event.data.alias.anchor));
          out.issues.push_back(YamlIssue{offset, Severity::kWarning, "yaml-alias",
              "YAML alias *" + name + " is not expanded (Draftmark never expands aliases); it reads as null.",
              "", 0});
        }
        YamlValue node;
        node.offset = offset;
        place(std::move(node));
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        if (open.size() >= kMaxYamlDepth) {
          out.issues.push_back(YamlIssue{offset, Severity::kError, "yaml-too-deep",
              "Front matter nests deeper than 64 levels; Draftmark stops reading it here.", "", 0});
          yaml_event_delete(&event);
          yaml_parser_delete(&parser);
          return;
        }
        YamlValue node;
        node.kind = event.type == YAML_SEQUENCE_START_EVENT ? YamlValue::Kind::kSequence
                                                             : YamlValue::Kind::kMapping;
        node.offset = offset;
        open.push_back(place(std::move(node)));
        break;
      }
      case YAML_MAPPING_END_EVENT:
        finish_mapping(*open.back(), duplicate_warnings, out.issues);
        open.pop_back();
        break;
      case YAML_SEQUENCE_END_EVENT:
        open.pop_back();
        break;
      case YAML_DOCUMENT_END_EVENT:  // only the first document counts, as in Psych.load
      case YAML_STREAM_END_EVENT:
        done = true;
        break;
      default:
        break;
    }
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  out.ok = true;
}

void append_json(const YamlValue& value, std::string& out) {
  switch (value.kind) {
    case YamlValue::Kind::kNull: out += "null"; return;
    case YamlValue::Kind::kBool:
    case YamlValue::Kind::kInt:
    case YamlValue::Kind::kFloat: out += value.text; return;
    case YamlValue::Kind::kString: append_json_string(out, value.text); return;
    case YamlValue::Kind::kSequence:
      out += '[';
      for (size_t i = 0; i < value.items.size(); i++) {
        if (i) out += ',';
        append_json(value.items[i], out);
      }
      out += ']';
      return;
    case YamlValue::Kind::kMapping:
      out += '{';
      for (size_t i = 0; i < value.items.size(); i++) {
        if (i) out += ',';
        append_json_string(out, value.keys[i]);
        out += ':';
        append_json(value.items[i], out);
      }
      out += '}';
      return;
  }
}

}  // namespace draftmark
