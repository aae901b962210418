// kramdown attribute lists: IALs `{: .class #id key="value"}`, ALDs `{:name: ...}`
// and references to ALDs, parsed as kramdown 2.4 does (parser/kramdown/extensions.rb):
// key/value pairs need quotes (`key=v` is ignored, as kramdown ignores it), the last
// id wins, classes accumulate.
//
// Emitting applies the attribute allow-list: event handlers, srcdoc, formaction,
// style and friends are dropped, and href/src must pass the URL policy, unless the
// document is trusted (unsafe).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace draftmark {

struct AttributeList {
  std::string id;
  std::string classes;  // space-separated, in order
  std::vector<std::pair<std::string, std::string>> pairs;  // other key="value", in order
  std::vector<std::string> refs;                           // ALD names referenced

  bool empty() const { return id.empty() && classes.empty() && pairs.empty() && refs.empty(); }
  void clear();
  // kramdown's merge: later ids/values win, classes are appended.
  void merge(const AttributeList& other);
  const std::string* find(std::string_view key) const;
  bool has_class(std::string_view name) const;
  void remove(std::string_view key);
};

// Parses the inside of `{: ... }` (without braces and the leading ':').
void parse_attribute_list(std::string_view body, AttributeList& out);

// If `text` starts with a span/block IAL `{:...}` (not `{::`, not `{:/`), returns its
// length (through the closing brace) and fills `out`; else returns 0.
size_t match_ial(std::string_view text, AttributeList& out);

// Named attribute definitions `{:name: ...}`, resolved when referenced.
class AldTable {
 public:
  void clear() { entries_.clear(); }
  void define(std::string_view name, const AttributeList& attrs);
  // Replaces references in `attrs` by the definitions they name (one level, as kramdown).
  void resolve(AttributeList& attrs) const;

 private:
  std::map<std::string, AttributeList, std::less<>> entries_;  // log-time lookups
};

// Appends ` id="…" class="…" key="…"` (HTML-escaped). `skip` names keys the caller
// emits itself. Unsafe keys are dropped unless `unsafe`.
void append_attributes(std::string& out, const AttributeList& attrs, bool unsafe,
                       std::initializer_list<std::string_view> skip = {});

// True for keys we never emit from untrusted attribute lists.
bool is_blocked_attribute(std::string_view key, std::string_view value);

}  // namespace draftmark
