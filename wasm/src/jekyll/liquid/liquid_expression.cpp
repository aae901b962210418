#include "jekyll/liquid/liquid_expression.h"

#include "jekyll/liquid/liquid_filters.h"
#include "jekyll/liquid/liquid_lexer.h"
#include "text/utf8.h"

namespace draftmark {
namespace {

bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '?' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_number(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  bool digit = false, dot = false;
  for (; i < s.size(); i++) {
    if (s[i] >= '0' && s[i] <= '9') digit = true;
    else if (s[i] == '.' && !dot) dot = true;
    else return false;
  }
  return digit;
}

// Splits at `sep` outside quotes.
std::vector<std::string_view> split_outside_quotes(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

// The member `key` of a value (a map key, a list index, or size/first/last).
LiquidValue member(const LiquidValue& v, std::string_view key, bool bracket_index, size_t index) {
  LiquidValue none;
  if (v.kind == LiquidValue::Kind::kMap && !bracket_index) {
    const YamlValue* child = v.node->find(key);
    if (child != nullptr) return value_of(*child);
  }
  if (v.kind == LiquidValue::Kind::kList && bracket_index) {
    return index < v.node->items.size() ? value_of(v.node->items[index]) : none;
  }
  if (key == "size") {
    LiquidValue n;
    n.kind = LiquidValue::Kind::kNumber;
    if (v.kind == LiquidValue::Kind::kString) n.text = std::to_string(v.text.size());
    else if (v.node != nullptr) n.text = std::to_string(v.node->items.size());
    else return none;
    return n;
  }
  if (v.kind == LiquidValue::Kind::kList && !v.node->items.empty()) {
    if (key == "first") return value_of(v.node->items.front());
    if (key == "last") return value_of(v.node->items.back());
  }
  return none;
}

LiquidValue site_value(const SiteSettings* site, std::string_view key, bool& known) {
  known = true;
  if (site != nullptr) {
    if (key == "url") return LiquidValue::string(site->url);
    if (key == "baseurl") return LiquidValue::string(site->baseurl);
    if (key == "title") return LiquidValue::string(site->title);
  }
  known = false;
  return LiquidValue{};
}

LiquidValue lookup_path(std::string_view path, const LiquidScope& scope, std::vector<LiquidIssue>& issues) {
  size_t i = 0;
  while (i < path.size() && is_ident(path[i])) i++;
  std::string_view root = path.substr(0, i);
  LiquidValue v;
  bool resolved = false;
  if (root == "page" && scope.page != nullptr) {
    v.kind = LiquidValue::Kind::kMap;
    v.node = scope.page;
    resolved = true;
  }
  bool in_site = root == "site";
  std::string_view first_key;
  bool first_member = true;
  while (i < path.size()) {
    std::string_view key;
    bool bracket_index = false;
    size_t index = 0;
    if (path[i] == '.') {
      size_t b = ++i;
      while (i < path.size() && is_ident(path[i])) i++;
      key = path.substr(b, i - b);
    } else if (path[i] == '[') {
      size_t close = path.find(']', i);
      if (close == std::string_view::npos) break;
      std::string_view inner = trim_liquid_space(path.substr(i + 1, close - i - 1));
      i = close + 1;
      if (inner.size() >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner.back() == inner[0]) {
        key = inner.substr(1, inner.size() - 2);
      } else if (is_number(inner) && inner[0] != '-') {
        bracket_index = true;
        for (char c : inner) {
          if (c == '.') break;
          index = index * 10 + static_cast<size_t>(c - '0');
          if (index > (1u << 30)) break;
        }
      } else {
        resolved = false;  // a variable index: not evaluated in the preview
        v = LiquidValue{};
        break;
      }
    } else {
      break;
    }
    if (in_site && first_member) {
      first_member = false;
      first_key = key;
      v = site_value(scope.site, key, resolved);
      continue;
    }
    first_member = false;
    if (root == "page" && first_key.empty()) {
      first_key = key;
      if (key == "date" && scope.page != nullptr) {
        // Jekyll makes a post's date a Time.
        const YamlValue* d = scope.page->find("date");
        LiquidValue dv;
        if (d != nullptr && d->kind == YamlValue::Kind::kString && parse_jekyll_date(d->text, dv.date)) {
          dv.kind = LiquidValue::Kind::kDate;
          v = dv;
          continue;
        }
      }
    }
    if (!resolved) break;
    v = member(v, key, bracket_index, index);
  }
  if (!resolved || v.kind == LiquidValue::Kind::kNil) {
    std::string what(utf8_prefix(path, 80));
    issues.push_back(LiquidIssue{Severity::kInfo, "liquid-unknown-variable",
                                 "`" + what + "` is not known in the preview and renders as nothing."});
    return LiquidValue{};
  }
  return v;
}

}  // namespace

LiquidValue evaluate_operand(std::string_view text, const LiquidScope& scope, std::vector<LiquidIssue>& issues) {
  text = trim_liquid_space(text);
  if (text.size() >= 2 && (text[0] == '\'' || text[0] == '"') && text.back() == text[0]) {
    return LiquidValue::string(std::string(text.substr(1, text.size() - 2)));
  }
  if (text.empty() || text == "nil" || text == "null" || text == "empty" || text == "blank") return LiquidValue{};
  if (text == "true" || text == "false") {
    LiquidValue b;
    b.kind = LiquidValue::Kind::kBool;
    b.text = std::string(text);
    return b;
  }
  if (is_number(text)) {
    LiquidValue n;
    n.kind = LiquidValue::Kind::kNumber;
    n.text = std::string(text);
    return n;
  }
  return lookup_path(text, scope, issues);
}

LiquidValue evaluate_markup(std::string_view markup, const LiquidScope& scope, std::vector<LiquidIssue>& issues) {
  std::vector<std::string_view> parts = split_outside_quotes(markup, '|');
  LiquidValue value = evaluate_operand(parts[0], scope, issues);
  std::vector<LiquidValue> args;
  for (size_t p = 1; p < parts.size(); p++) {
    std::string_view filter = trim_liquid_space(parts[p]);
    size_t colon = filter.find(':');
    std::string_view name = trim_liquid_space(filter.substr(0, colon));
    args.clear();
    if (colon != std::string_view::npos) {
      for (std::string_view arg : split_outside_quotes(filter.substr(colon + 1), ',')) {
        arg = trim_liquid_space(arg);
        // keyword arguments (`allow_false: true`) are not used by the supported filters
        size_t kw = arg.find(':');
        if (kw != std::string_view::npos && arg[0] != '\'' && arg[0] != '"') continue;
        args.push_back(evaluate_operand(arg, scope, issues));
      }
    }
    if (name.empty()) continue;
    if (!apply_filter(name, args, scope, value)) {
      issues.push_back(LiquidIssue{Severity::kWarning, "liquid-unknown-filter",
                                   "The filter `" + std::string(utf8_prefix(name, 40)) +
                                       "` is not run in the preview; its input is shown unchanged."});
    }
  }
  return value;
}

void evaluate_output(std::string_view markup, const LiquidScope& scope, std::string& out,
                     std::vector<LiquidIssue>& issues) {
  append_rendered(evaluate_markup(markup, scope, issues), out);
}

}  // namespace draftmark
