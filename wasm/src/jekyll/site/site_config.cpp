#include "jekyll/site/site_config.h"

#include <utility>

#include "core/line_index.h"
#include "text/decimal_text.h"

namespace draftmark {

namespace {

// Jekyll 4.3's Configuration::DEFAULTS["kramdown"]: a site's `kramdown:` is deep-merged over
// these, so a config that sets one option still has the others.
constexpr std::string_view kJekyllKramdownDefaults =
    "auto_ids: true\n"
    "toc_levels: [1, 2, 3, 4, 5, 6]\n"
    "entity_output: as_char\n"
    "smart_quotes: lsquo,rsquo,ldquo,rdquo\n"
    "input: GFM\n"
    "hard_wrap: false\n"
    "guess_lang: true\n"
    "footnote_nr: 1\n"
    "show_warnings: false\n";

void put(YamlValue& map, std::string key, YamlValue value) {
  for (size_t i = 0; i < map.keys.size(); i++) {
    if (map.keys[i] == key) {
      map.items[i] = std::move(value);
      return;
    }
  }
  map.keys.push_back(std::move(key));
  map.key_offsets.push_back(0);
  map.items.push_back(std::move(value));
}

// Utils.deep_merge_hashes: mappings merge key by key, anything else is replaced.
void deep_merge(YamlValue& into, const YamlValue& from) {
  if (into.kind != YamlValue::Kind::kMapping || from.kind != YamlValue::Kind::kMapping) {
    into = from;
    return;
  }
  for (size_t i = 0; i < from.keys.size(); i++) {
    bool merged = false;
    for (size_t j = 0; j < into.keys.size(); j++) {
      if (into.keys[j] == from.keys[i]) {
        deep_merge(into.items[j], from.items[i]);
        merged = true;
        break;
      }
    }
    if (!merged) put(into, from.keys[i], from.items[i]);
  }
}

YamlValue mapping() {
  YamlValue m;
  m.kind = YamlValue::Kind::kMapping;
  return m;
}

void scalar_member(const YamlValue& map, const char* key, std::string& into) {
  const YamlValue* v = map.find(key);
  if (v && v->is_scalar() && v->kind != YamlValue::Kind::kNull) into = v->text;
}

// _data/authors.yml: {id: {name, url, …}} reduced to what Chirpy's byline reads.
YamlValue read_authors(std::string_view yaml, std::vector<Diagnostic>& diagnostics) {
  YamlValue authors = mapping();
  LineIndex lines;
  lines.build(yaml);
  YamlDocument doc;
  parse_yaml(yaml, doc);
  for (const YamlIssue& issue : doc.issues) {
    diagnostics.push_back(Diagnostic{lines.line_of(issue.offset), lines.utf16_column(issue.offset), issue.severity,
                                     "authors-" + issue.code, "In _data/authors.yml: " + issue.message +
                                     (issue.context.empty() ? "" : " " + issue.context)});
  }
  if (!doc.ok || doc.root.kind != YamlValue::Kind::kMapping) return authors;
  for (size_t i = 0; i < doc.root.keys.size(); i++) {
    const YamlValue& entry = doc.root.items[i];
    if (entry.kind != YamlValue::Kind::kMapping) continue;
    YamlValue kept = mapping();
    for (const char* key : {"name", "url"}) {
      if (const YamlValue* v = entry.find(key); v && v->is_scalar()) put(kept, key, *v);
    }
    put(authors, doc.root.keys[i], std::move(kept));
  }
  return authors;
}

std::string_view string_of(const YamlValue* v) {
  return v && v->kind == YamlValue::Kind::kString ? std::string_view(v->text) : std::string_view();
}

// Settings Jekyll honours and the preview does not (yet): named once each, at their key.
struct Unsupported {
  const YamlValue* value;
  size_t offset;
  const char* code;
  std::string message;
};

void check_unsupported(const YamlValue& root, std::vector<Unsupported>& out) {
  std::string_view markdown = string_of(root.find("markdown"));
  if (!markdown.empty() && markdown != "kramdown" && markdown != "Kramdown") {
    out.push_back({root.find("markdown"), root.key_offset("markdown"), "site-markdown-engine",
                   "markdown: " + std::string(markdown) + " is not kramdown; the preview renders kramdown."});
  }
  const YamlValue* kramdown = root.find("kramdown");
  if (!kramdown || kramdown->kind != YamlValue::Kind::kMapping) return;
  const size_t base = root.key_offset("kramdown");
  auto named = [&](const char* key, const char* message) {
    if (kramdown->find(key)) out.push_back({kramdown->find(key), kramdown->key_offset(key) ? kramdown->key_offset(key) : base, "site-kramdown-option", message});
  };
  const YamlValue* input = kramdown->find("input");
  if (input && string_of(input) != "GFM") named("input", "kramdown input other than GFM: the preview parses GFM-flavoured kramdown.");
  const YamlValue* hard_wrap = kramdown->find("hard_wrap");
  if (hard_wrap && hard_wrap->kind == YamlValue::Kind::kBool && hard_wrap->text == "true") named("hard_wrap", "kramdown hard_wrap: true is not applied in the preview.");
  const YamlValue* auto_ids = kramdown->find("auto_ids");
  if (auto_ids && auto_ids->kind == YamlValue::Kind::kBool && auto_ids->text == "false") named("auto_ids", "kramdown auto_ids: false is not applied in the preview (headings keep their ids).");
  named("syntax_highlighter_opts", "kramdown syntax_highlighter_opts are not applied in the preview.");
  named("math_engine", "kramdown math_engine is not applied: the preview typesets math with KaTeX.");
}

}  // namespace

void merge_post_defaults(const YamlValue& defaults, std::string_view post_path, std::string& json_out) {
  // FrontmatterDefaults#all: the scopes that apply, in file order; one that takes precedence over
  // the last winner (a path as long or longer; on equal length, typed over untyped) merges over
  // the values so far and becomes the winner, any other merges under them.
  struct Scope {
    size_t path_length;
    bool has_type;
  };
  YamlValue merged = mapping();
  bool have_winner = false;
  Scope winner{};
  if (defaults.kind == YamlValue::Kind::kSequence) {
    for (const YamlValue& entry : defaults.items) {
      if (entry.kind != YamlValue::Kind::kMapping) continue;
      const YamlValue* scope = entry.find("scope");
      const YamlValue* values = entry.find("values");
      if (!values || values->kind != YamlValue::Kind::kMapping) continue;
      std::string_view path;
      std::string_view type;
      if (scope && scope->kind == YamlValue::Kind::kMapping) {
        path = string_of(scope->find("path"));
        type = string_of(scope->find("type"));
      }
      while (!path.empty() && path.back() == '/') path.remove_suffix(1);
      if (!path.empty() && path.front() == '/') path.remove_prefix(1);
      if (!type.empty() && type != "posts") continue;
      if (!path.empty() && !(post_path.substr(0, path.size()) == path &&
                             (post_path.size() == path.size() || post_path[path.size()] == '/'))) {
        continue;
      }
      const Scope next{path.size(), !type.empty()};
      const bool precedes = !have_winner || (next.path_length != winner.path_length
                                                 ? next.path_length > winner.path_length
                                                 : next.has_type || !winner.has_type);
      if (precedes) {
        deep_merge(merged, *values);
        winner = next;
        have_winner = true;
      } else {
        YamlValue under = *values;
        deep_merge(under, merged);
        merged = std::move(under);
      }
    }
  }
  append_json(merged, json_out);
}

void parse_site_config(std::string_view yaml, std::string_view post_path, SiteConfigResult& out,
                       std::string_view authors_yaml) {
  out.settings_json.clear();
  out.diagnostics.clear();
  LineIndex lines;
  lines.build(yaml);
  auto diagnose = [&](size_t offset, Severity severity, std::string code, std::string message) {
    out.diagnostics.push_back(Diagnostic{lines.line_of(offset), lines.utf16_column(offset), severity,
                                         std::move(code), std::move(message)});
  };
  YamlDocument doc;
  parse_yaml(yaml, doc);
  for (const YamlIssue& issue : doc.issues) {
    std::string message = issue.code == "yaml-syntax" ? "YAML syntax error in _config.yml: " + issue.message : issue.message;
    if (!issue.context.empty()) message += " " + issue.context;
    diagnose(issue.offset, issue.severity, issue.code, std::move(message));
  }
  if (!doc.ok) {
    out.settings_json = "null";
    return;
  }
  const YamlValue empty = mapping();
  const YamlValue& root = doc.root.kind == YamlValue::Kind::kMapping ? doc.root : empty;

  YamlValue settings = mapping();
  for (const char* key : {"url", "baseurl", "lang", "timezone", "title"}) {
    if (const YamlValue* v = root.find(key)) put(settings, key, *v);
  }
  if (const YamlValue* social = root.find("social"); social && social->kind == YamlValue::Kind::kMapping) {
    YamlValue kept = mapping();
    for (const char* key : {"name", "links"}) {
      if (const YamlValue* v = social->find(key)) put(kept, key, *v);
    }
    put(settings, "social", std::move(kept));
  }
  if (!authors_yaml.empty()) put(settings, "authors", read_authors(authors_yaml, out.diagnostics));
  // Chirpy 7 renamed img_path to media_subpath; both mean the prefix of relative media paths.
  if (const YamlValue* v = root.find("media_subpath")) put(settings, "media_subpath", *v);
  else if (const YamlValue* old = root.find("img_path")) put(settings, "media_subpath", *old);

  YamlDocument kd;
  parse_yaml(kJekyllKramdownDefaults, kd);
  YamlValue kramdown = kd.root;
  if (const YamlValue* user = root.find("kramdown"); user && user->kind == YamlValue::Kind::kMapping) {
    deep_merge(kramdown, *user);
  }
  const YamlValue* defaults = root.find("defaults");
  YamlValue defaults_list;
  defaults_list.kind = YamlValue::Kind::kSequence;
  if (defaults && defaults->kind == YamlValue::Kind::kSequence) defaults_list = *defaults;
  else if (defaults && defaults->kind != YamlValue::Kind::kNull) {
    diagnose(root.key_offset("defaults"), Severity::kWarning, "site-defaults", "defaults: should be a list of {scope, values}; it was ignored.");
  }
  put(settings, "defaults", defaults_list);
  put(settings, "kramdown", std::move(kramdown));

  std::vector<Unsupported> unsupported;
  check_unsupported(root, unsupported);
  for (Unsupported& u : unsupported) diagnose(u.offset, Severity::kInfo, u.code, std::move(u.message));

  append_json(settings, out.settings_json);
  // post_defaults is written after the tree (its merge has its own tree); splice it in.
  out.settings_json.pop_back();  // '}'
  out.settings_json += ",\"post_defaults\":";
  merge_post_defaults(defaults_list, post_path, out.settings_json);
  out.settings_json += '}';
}

bool read_site_settings(std::string_view json, SiteSettings& out) {
  out = SiteSettings{};
  YamlDocument doc;
  parse_yaml(json, doc);
  if (!doc.ok || doc.root.kind != YamlValue::Kind::kMapping) return false;
  const YamlValue& root = doc.root;
  scalar_member(root, "url", out.url);
  scalar_member(root, "baseurl", out.baseurl);
  scalar_member(root, "title", out.title);
  scalar_member(root, "lang", out.lang);
  if (const YamlValue* social = root.find("social"); social && social->kind == YamlValue::Kind::kMapping) {
    scalar_member(*social, "name", out.social_name);
    if (const YamlValue* links = social->find("links"); links && links->kind == YamlValue::Kind::kSequence && !links->items.empty()) {
      const YamlValue& first = links->items[0];
      if (first.is_scalar() && first.kind != YamlValue::Kind::kNull) out.social_link = first.text;
    }
  }
  if (const YamlValue* authors = root.find("authors"); authors && authors->kind == YamlValue::Kind::kMapping) {
    for (size_t i = 0; i < authors->keys.size(); i++) {
      SiteSettings::Author author{authors->keys[i], "", ""};
      if (authors->items[i].kind == YamlValue::Kind::kMapping) {
        scalar_member(authors->items[i], "name", author.name);
        scalar_member(authors->items[i], "url", author.url);
      }
      out.authors.push_back(std::move(author));
    }
  }
  if (const YamlValue* posts = root.find("known_posts"); posts && posts->kind == YamlValue::Kind::kSequence) {
    for (const YamlValue& name : posts->items) {
      if (name.is_scalar() && name.kind != YamlValue::Kind::kNull) out.known_posts.push_back(name.text);
    }
  }
  if (const YamlValue* defaults = root.find("post_defaults");
      defaults && defaults->kind == YamlValue::Kind::kMapping && !defaults->keys.empty()) {
    append_json(*defaults, out.post_defaults_json);
  }
  return true;
}

}  // namespace draftmark
