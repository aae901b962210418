#include "jekyll/kramdown/attributes.h"

#include <cctype>

#include "text/html_escape.h"
#include "text/url_policy.h"

namespace draftmark {
namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `\w[\w-]*`
size_t match_name(std::string_view s, size_t i) {
  if (i >= s.size() || !is_word(s[i])) return 0;
  size_t j = i + 1;
  while (j < s.size() && (is_word(s[j]) || s[j] == '-')) j++;
  return j - i;
}

// One whitespace-separated token; returns false if the token is not an attribute
// kramdown recognises (it is then ignored, like kramdown's scan skips it).
void parse_token(std::string_view body, size_t& i, AttributeList& out) {
  size_t start = i;
  // key="value" / key='value' (value may contain spaces and escaped quotes)
  if (size_t n = match_name(body, i); n > 0 && i + n + 1 < body.size() && body[i + n] == '=' &&
                                      (body[i + n + 1] == '"' || body[i + n + 1] == '\'')) {
    char quote = body[i + n + 1];
    size_t j = i + n + 2;
    std::string value;
    while (j < body.size() && body[j] != quote) {
      if (body[j] == '\\' && j + 1 < body.size() && (body[j + 1] == quote || body[j + 1] == '}')) j++;
      value += body[j++];
    }
    if (j < body.size() && (j + 1 == body.size() || is_space(body[j + 1]))) {
      std::string key(body.substr(i, n));
      if (key == "class") {
        out.classes += out.classes.empty() ? value : " " + value;
      } else if (key == "id") {
        out.id = value;
      } else {
        out.remove(key);
        out.pairs.emplace_back(std::move(key), std::move(value));
      }
      i = j + 1;
      return;
    }
  }
  // Skip to the token's end.
  size_t end = i;
  while (end < body.size() && !is_space(body[end])) end++;
  std::string_view token = body.substr(start, end - start);
  i = end;
  if (token.empty()) return;
  if (token[0] == '.' || token[0] == '#') {
    // (#id|.class)+ — classes are [^\s.#]+, ids [A-Za-z][\w:-]*
    size_t k = 0;
    while (k < token.size()) {
      char kind = token[k++];
      size_t name_end = k;
      if (kind == '.') {
        while (name_end < token.size() && token[name_end] != '.' && token[name_end] != '#') name_end++;
        if (name_end == k) return;
        std::string_view cls = token.substr(k, name_end - k);
        out.classes += out.classes.empty() ? std::string(cls) : " " + std::string(cls);
      } else if (kind == '#') {
        if (k >= token.size() || !std::isalpha(static_cast<unsigned char>(token[k]))) return;
        while (name_end < token.size() && (is_word(token[name_end]) || token[name_end] == ':' ||
                                           token[name_end] == '-')) {
          name_end++;
        }
        out.id = std::string(token.substr(k, name_end - k));
      } else {
        return;
      }
      k = name_end;
    }
    return;
  }
  if (match_name(token, 0) == token.size()) out.refs.emplace_back(token);
}

}  // namespace

void AttributeList::clear() {
  id.clear();
  classes.clear();
  pairs.clear();
  refs.clear();
}

void AttributeList::merge(const AttributeList& other) {
  if (!other.id.empty()) id = other.id;
  if (!other.classes.empty()) classes += classes.empty() ? other.classes : " " + other.classes;
  for (const auto& [k, v] : other.pairs) {
    remove(k);
    pairs.emplace_back(k, v);
  }
  refs.insert(refs.end(), other.refs.begin(), other.refs.end());
}

const std::string* AttributeList::find(std::string_view key) const {
  for (const auto& kv : pairs) {
    if (kv.first == key) return &kv.second;
  }
  return nullptr;
}

bool AttributeList::has_class(std::string_view name) const {
  size_t i = 0;
  while (i < classes.size()) {
    size_t end = classes.find(' ', i);
    if (end == std::string::npos) end = classes.size();
    if (std::string_view(classes).substr(i, end - i) == name) return true;
    i = end + 1;
  }
  return false;
}

void AttributeList::remove(std::string_view key) {
  for (auto it = pairs.begin(); it != pairs.end();) {
    it = it->first == key ? pairs.erase(it) : it + 1;
  }
}

void parse_attribute_list(std::string_view body, AttributeList& out) {
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && is_space(body[i])) i++;
    if (i < body.size()) parse_token(body, i, out);
  }
}

size_t match_ial(std::string_view text, AttributeList& out) {
  if (text.size() < 4 || text[0] != '{' || text[1] != ':' || text[2] == ':' || text[2] == '/') return 0;
  // ALD_ANY_CHARS: `\}` or any char but `}`
  size_t i = 2;
  while (i < text.size() && text[i] != '}') {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '}') i++;
    if (text[i] == '\n') return 0;
    i++;
  }
  if (i >= text.size() || i == 2) return 0;
  parse_attribute_list(text.substr(2, i - 2), out);
  return i + 1;
}

void AldTable::define(std::string_view name, const AttributeList& attrs) {
  auto found = entries_.find(name);
  if (found != entries_.end()) {
    found->second.merge(attrs);
  } else {
    entries_.emplace(std::string(name), attrs);
  }
}

void AldTable::resolve(AttributeList& attrs) const {
  if (attrs.refs.empty()) return;
  AttributeList resolved;
  for (const std::string& ref : attrs.refs) {
    auto found = entries_.find(ref);
    if (found == entries_.end()) continue;
    AttributeList copy = found->second;
    copy.refs.clear();
    resolved.merge(copy);
  }
  AttributeList own = attrs;
  own.refs.clear();
  resolved.merge(own);  // the element's own attributes win over referenced ones
  resolved.refs = attrs.refs;
  attrs = std::move(resolved);
}

bool is_blocked_attribute(std::string_view key, std::string_view value) {
  std::string k = lower(key);
  if (k.empty() || !std::isalpha(static_cast<unsigned char>(k[0]))) return true;
  for (char c : k) {
    if (!(is_word(c) || c == '-' || c == ':')) return true;
  }
  if (k.rfind("on", 0) == 0) return true;  // event handlers
  static const char* const kBlocked[] = {"style", "srcdoc", "formaction", "action", "srcset",
                                         "xlink:href", "xmlns", "is", "slot", "autofocus",
                                         "background", "poster", "codebase", "data",
                                         "http-equiv", "content", "ping", "form",
                                         // <img name=cookie> clobbers document.cookie
                                         "name"};
  for (const char* b : kBlocked) {
    if (k == b) return true;
  }
  if (k == "href" || k == "src" || k == "cite" || k == "longdesc") {
    return !is_safe_url(value, k == "src" ? UrlContext::kImage : UrlContext::kLink);
  }
  return false;
}

void append_attributes(std::string& out, const AttributeList& attrs, bool unsafe,
                       std::initializer_list<std::string_view> skip) {
  auto skipped = [&](std::string_view key) {
    for (std::string_view s : skip) {
      if (s == key) return true;
    }
    return false;
  };
  auto emit = [&](std::string_view key, std::string_view value) {
    out += ' ';
    out += key;
    out += "=\"";
    append_html_escaped(out, value.data(), value.size());
    out += '"';
  };
  if (!attrs.id.empty() && !skipped("id")) emit("id", attrs.id);
  if (!attrs.classes.empty() && !skipped("class")) emit("class", attrs.classes);
  for (const auto& [k, v] : attrs.pairs) {
    if (skipped(k)) continue;
    if (!unsafe && is_blocked_attribute(k, v)) continue;
    emit(k, v);
  }
}

}  // namespace draftmark
