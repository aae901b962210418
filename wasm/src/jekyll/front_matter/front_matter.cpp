#include "jekyll/front_matter/front_matter.h"

#include <string>
#include <utility>

#include "text/decimal_text.h"
#include "jekyll/front_matter/jekyll_date.h"
#include "text/json_writer.h"
#include "jekyll/front_matter/yaml_json.h"

namespace draftmark {
namespace {

// Ruby's \s: ASCII whitespace only.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// From `at` to the end of its line ('\n') is whitespace only.
bool rest_of_line_blank(std::string_view text, size_t at) {
  for (; at < text.size() && text[at] != '\n'; at++) {
    if (!is_space(text[at])) return false;
  }
  return true;
}

bool is_delimiter_line(std::string_view text, size_t at) {
  std::string_view rest = text.substr(at);
  return (rest.rfind("---", 0) == 0 || rest.rfind("...", 0) == 0) && rest_of_line_blank(text, at + 3);
}

std::string scalar_text(const YamlValue& value) {
  if (value.is_scalar()) return value.text;
  std::string json;
  append_json(value, json);
  return json;
}

bool is_truthy(const YamlValue* value) {
  if (!value || value->kind == YamlValue::Kind::kNull) return false;
  return !(value->kind == YamlValue::Kind::kBool && value->text == "false");
}

ValueShape shape_of(const YamlValue* value) {
  if (!value) return ValueShape::kAbsent;
  switch (value->kind) {
    case YamlValue::Kind::kNull: return ValueShape::kNull;
    case YamlValue::Kind::kSequence: return ValueShape::kList;
    case YamlValue::Kind::kMapping: return ValueShape::kMapping;
    default: return ValueShape::kScalar;
  }
}

// Array#flatten.compact, each element to_s.
void flatten_into(const YamlValue& value, std::vector<std::string>& out) {
  if (value.kind == YamlValue::Kind::kSequence) {
    for (const YamlValue& item : value.items) flatten_into(item, out);
  } else if (value.kind != YamlValue::Kind::kNull) {
    out.push_back(scalar_text(value));
  }
}

// Jekyll's Utils.pluralized_array_from_hash(data, singular, plural).
void jekyll_array(const YamlValue& root, const char* singular, const char* plural, std::vector<std::string>& out) {
  out.clear();
  if (const YamlValue* one = root.find(singular)) {
    flatten_into(*one, out);
    return;
  }
  const YamlValue* many = root.find(plural);
  if (!many) return;
  if (many->kind == YamlValue::Kind::kString) {  // String#split: runs of whitespace
    const std::string& s = many->text;
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_space(s[i])) i++;
      size_t start = i;
      while (i < s.size() && !is_space(s[i])) i++;
      if (i > start) out.push_back(s.substr(start, i - start));
    }
  } else if (many->kind == YamlValue::Kind::kSequence) {
    flatten_into(*many, out);
  }
}

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (char c : token) {
    if (c == '~') pointer += "~0";
    else if (c == '/') pointer += "~1";
    else pointer += c;
  }
}

// Every date/timestamp string, keyed by JSON Pointer, in document order.
// `date_iso` is Jekyll's reading of the top-level `date` (set only at the root).
void collect_iso(const YamlValue& value, std::string& pointer, const std::string* date_iso,
                 std::vector<std::pair<std::string, std::string>>& out) {
  if (!value.iso.empty()) out.emplace_back(pointer, value.iso);
  size_t length = pointer.size();
  for (size_t i = 0; i < value.items.size(); i++) {
    bool mapping = value.kind == YamlValue::Kind::kMapping;
    append_pointer_token(pointer, mapping ? value.keys[i] : decimal(i));
    if (date_iso && mapping && value.keys[i] == "date" && value.items[i].iso.empty() && !date_iso->empty()) {
      out.emplace_back(pointer, *date_iso);  // a string Jekyll parses with Time.parse
    } else {
      collect_iso(value.items[i], pointer, nullptr, out);
    }
    pointer.resize(length);
  }
}

class Reporter {
 public:
  Reporter(const LineIndex& lines, size_t yaml_start, std::vector<Diagnostic>& out)
      : lines_(lines), yaml_start_(yaml_start), out_(out) {}

  SourcePoint point(size_t yaml_offset) const {
    size_t at = yaml_start_ + yaml_offset;
    return SourcePoint{lines_.line_of(at), lines_.utf16_column(at)};
  }

  void add(size_t yaml_offset, Severity severity, std::string code, std::string message) {
    SourcePoint p = point(yaml_offset);
    out_.push_back(Diagnostic{p.line, p.column, severity, std::move(code), std::move(message)});
  }

  void add_yaml_issue(const YamlIssue& issue) {
    std::string message = issue.message;
    if (issue.code == "yaml-syntax") {
      message = "YAML syntax error: " + issue.message;
      if (!issue.context.empty()) {
        message += ' ';
        message += issue.context;
        uint32_t context_line = point(issue.context_offset).line;
        if (context_line != point(issue.offset).line) {
          message += " (from line " + decimal(context_line) + ")";
        }
      }
      message += "; Jekyll would publish the post without its front matter.";
    }
    add(issue.offset, issue.severity, issue.code, std::move(message));
  }

 private:
  const LineIndex& lines_;
  size_t yaml_start_;
  std::vector<Diagnostic>& out_;
};

// A date key as the header shows it: the text, and its ISO form when Jekyll could read it.
void read_date(const YamlValue& date, std::string& text, std::string& iso) {
  text = scalar_text(date);
  DateParts parts;
  if (!date.iso.empty()) {
    iso = date.iso;
  } else if (date.kind == YamlValue::Kind::kString && parse_jekyll_date(date.text, parts)) {
    iso = format_iso(parts);
  }
}

std::string member_text(const YamlValue& mapping, const char* key) {
  const YamlValue* value = mapping.find(key);
  return value && value->is_scalar() && value->kind != YamlValue::Kind::kNull ? value->text : std::string();
}

// Chirpy's `image`: a mapping {path, alt, lqip, width|w, height|h, no_bg}, or just a path.
void read_image(const YamlValue* image, FrontMatter::PreviewImage& out) {
  if (!image || image->kind == YamlValue::Kind::kNull) return;
  if (image->is_scalar()) {
    out.path = image->text;
    return;
  }
  if (image->kind != YamlValue::Kind::kMapping) return;
  out.path = member_text(*image, "path");
  out.alt = member_text(*image, "alt");
  out.lqip = member_text(*image, "lqip");
  out.width = member_text(*image, "width");
  if (out.width.empty()) out.width = member_text(*image, "w");
  out.height = member_text(*image, "height");
  if (out.height.empty()) out.height = member_text(*image, "h");
  out.no_bg = is_truthy(image->find("no_bg"));
}

void extract(const YamlValue& root, const Reporter& reporter, FrontMatter& out) {
  auto at = [&](const char* key) {
    return root.find(key) ? reporter.point(root.key_offset(key)) : SourcePoint{};
  };
  if (const YamlValue* title = root.find("title")) {
    out.has_title = title->kind != YamlValue::Kind::kNull;
    out.title = scalar_text(*title);
  }
  if (const YamlValue* date = root.find("date")) {
    out.has_date = date->kind != YamlValue::Kind::kNull;
    read_date(*date, out.date, out.date_iso);
  }
  const YamlValue* modified = root.find("last_modified_at");
  if (modified && modified->kind != YamlValue::Kind::kNull) read_date(*modified, out.last_modified, out.last_modified_iso);
  out.lang = member_text(root, "lang");
  out.layout = member_text(root, "layout");
  // Chirpy: `author` wins over `authors`; a single value is a list of one.
  const YamlValue* authors = root.find("author");
  if (!authors || authors->kind == YamlValue::Kind::kNull) authors = root.find("authors");
  if (authors) flatten_into(*authors, out.authors);
  read_image(root.find("image"), out.image);
  if (const YamlValue* description = root.find("description")) out.description = scalar_text(*description);
  const YamlValue* subpath = root.find("media_subpath");
  if (!subpath || subpath->kind == YamlValue::Kind::kNull) subpath = root.find("img_path");
  if (subpath && subpath->kind != YamlValue::Kind::kNull) out.media_subpath = scalar_text(*subpath);
  jekyll_array(root, "category", "categories", out.categories);
  jekyll_array(root, "tag", "tags", out.tags);
  out.math = is_truthy(root.find("math"));
  out.mermaid = is_truthy(root.find("mermaid"));
  out.title_at = at("title");
  out.date_at = at("date");
  out.categories_at = at("categories");
  out.tags_at = at("tags");
  out.categories_shape = shape_of(root.find("categories"));
  out.tags_shape = shape_of(root.find("tags"));
}

void write_json(const YamlValue& root, const FrontMatter& fm, std::string& json) {
  json.clear();
  if (root.kind == YamlValue::Kind::kNull) {
    json = "{}";
    return;
  }
  append_json(root, json);
  if (root.find("_iso")) return;  // the author's own key wins
  std::vector<std::pair<std::string, std::string>> iso;
  std::string pointer;
  collect_iso(root, pointer, &fm.date_iso, iso);
  if (iso.empty()) return;
  json.pop_back();  // the object's '}'
  json += ",\"_iso\":{";
  for (size_t i = 0; i < iso.size(); i++) {
    if (i) json += ',';
    append_json_string(json, iso[i].first);
    json += ':';
    append_json_string(json, iso[i].second);
  }
  json += "}}";
}

}  // namespace

FrontMatterBounds find_front_matter(std::string_view text) {
  FrontMatterBounds bounds;
  if (text.rfind("---", 0) != 0) return bounds;
  size_t i = 3;
  while (i < text.size() && text[i] != '\n' && is_space(text[i])) i++;
  if (i >= text.size() || text[i] != '\n') return bounds;
  bounds.opened = true;
  for (size_t line = i + 1; line < text.size();) {
    if (is_delimiter_line(text, line)) {
      bounds.closed = true;
      bounds.yaml_end = line;
      // \s*$\n? after the delimiter: swallow whitespace up to its last '\n' (or the end).
      size_t run = line + 3;
      size_t body = text.size();
      while (run < text.size() && is_space(text[run])) {
        if (text[run] == '\n') body = run + 1;
        run++;
      }
      if (run == text.size()) body = text.size();
      bounds.body_offset = body;
      return bounds;
    }
    size_t next = text.find('\n', line);
    if (next == std::string_view::npos) break;
    line = next + 1;
  }
  return bounds;
}

void merge_front_matter_defaults(YamlValue& data, const YamlValue& defaults) {
  if (defaults.kind != YamlValue::Kind::kMapping) return;
  if (data.kind == YamlValue::Kind::kNull) {
    data = YamlValue{};
    data.kind = YamlValue::Kind::kMapping;
  }
  if (data.kind != YamlValue::Kind::kMapping) return;
  // Depth is bounded by kMaxYamlDepth on both trees, so the recursion is too.
  for (size_t i = 0; i < defaults.keys.size(); i++) {
    const std::string& key = defaults.keys[i];
    size_t at = 0;
    while (at < data.keys.size() && data.keys[at] != key) at++;
    if (at == data.keys.size()) {
      data.keys.push_back(key);
      data.key_offsets.push_back(0);
      data.items.push_back(defaults.items[i]);
      data.items.back().offset = 0;
    } else if (data.items[at].kind == YamlValue::Kind::kMapping &&
               defaults.items[i].kind == YamlValue::Kind::kMapping) {
      merge_front_matter_defaults(data.items[at], defaults.items[i]);
    }
  }
}

void parse_front_matter(std::string_view text, const LineIndex& lines, size_t text_offset, FrontMatter& out,
                        std::vector<Diagnostic>& diagnostics, const YamlValue* defaults) {
  out = FrontMatter{};
  FrontMatterBounds bounds = find_front_matter(text);
  if (!bounds.opened) return;
  out.opened = true;
  out.first_line = lines.line_of(text_offset);
  Reporter reporter(lines, text_offset, diagnostics);
  if (!bounds.closed) {
    reporter.add(0, Severity::kWarning, "front-matter-unclosed",
                 "Front matter opened with --- on line " + decimal(out.first_line) +
                     " is never closed by a --- or ... line; Jekyll treats the whole file as body text.");
    return;
  }
  out.closed = out.present = true;
  out.body_offset = bounds.body_offset;
  out.last_line = lines.line_of(text_offset + bounds.yaml_end);

  YamlDocument doc;
  parse_yaml(text.substr(0, bounds.yaml_end), doc);
  for (const YamlIssue& issue : doc.issues) reporter.add_yaml_issue(issue);
  if (!doc.ok) return;
  YamlValue& root = doc.root;
  if (root.kind != YamlValue::Kind::kMapping && root.kind != YamlValue::Kind::kNull) {
    reporter.add(root.offset, Severity::kError, "front-matter-not-mapping",
                 "Front matter must be key: value pairs; Jekyll ignores a YAML list or text here.");
    return;
  }
  out.parsed = true;
  if (defaults && defaults->kind == YamlValue::Kind::kMapping && !defaults->keys.empty()) {
    merge_front_matter_defaults(root, *defaults);
  }
  if (root.kind == YamlValue::Kind::kMapping) extract(root, reporter, out);
  write_json(root, out, out.json);
}

}  // namespace draftmark
