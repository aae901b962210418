// A Jekyll site's `_config.yml`, read the way Jekyll reads it (libyaml, as Psych), reduced to
// what the preview needs: url, baseurl, lang, timezone, title, media_subpath (img_path before
// Chirpy 7), the front-matter `defaults:` and the `kramdown:` options merged over Jekyll's own
// kramdown defaults (Jekyll::Configuration::DEFAULTS, deep-merged as Utils.deep_merge_hashes).
//
// Output JSON (keys present only when set, except kramdown/defaults/post_defaults):
//   {"url":"https://me.github.io","baseurl":"/blog","lang":"en","timezone":"Asia/Seoul",
//    "title":"…","media_subpath":"/media","defaults":[{"scope":{…},"values":{…}}],
//    "kramdown":{"auto_ids":true,…},"post_defaults":{"layout":"post","math":true}}
// `post_defaults`: the values of every scope that applies to a file in _posts/ (see
// merge_post_defaults), ready to merge under a post's own front matter.
//
// Diagnostics: YAML problems with line and UTF-16 column in the file; each setting the
// preview cannot honour (another markdown engine, kramdown's hard_wrap, …) named once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "draftmark/document.h"
#include "jekyll/front_matter/yaml_json.h"

namespace draftmark {

struct SiteConfigResult {
  std::string settings_json;  // "null" when the YAML could not be read
  std::vector<Diagnostic> diagnostics;
};

// `yaml`: the text of _config.yml (UTF-8). `post_path`: the post's site path for scope
// matching, e.g. "_posts/2024-01-02-a.md". `authors_yaml`: the text of _data/authors.yml, or
// empty; its ids become "authors":{"id":{"name":"…","url":"…"}} (Chirpy reads name and url),
// its YAML problems diagnostics whose message names the file (line and column are its own).
// `social` (name, links) is kept: Chirpy's byline names social.name when a post has no author.
void parse_site_config(std::string_view yaml, std::string_view post_path, SiteConfigResult& out,
                       std::string_view authors_yaml = {});

// Jekyll's FrontmatterDefaults for a post: every `defaults:` entry whose scope path is a
// prefix of `post_path` ("" matches all) and whose type is absent or "posts", least specific
// first (shorter path, then without type), later ones winning key by key (deep merge).
void merge_post_defaults(const YamlValue& defaults, std::string_view post_path, std::string& json_out);

// The site settings a render uses, from JSON (read with libyaml, as YAML's flow style):
//   {"url":"https://me.github.io","baseurl":"/blog","title":"…","lang":"ko-KR",
//    "known_posts":["2024-01-02-a"],"post_defaults":{"math":true},
//    "social":{"name":"Me","links":["https://github.com/me"]},"authors":{"me":{"name":"Me","url":"…"}}}
// Every key is optional, unknown keys are ignored, so parse_site_config's settings_json
// (plus "known_posts") reads as is: that is how the CLI's --config and the C ABI's
// dm_site_settings_set reach the same SiteSettings. Resets `out`; false (and `out` empty)
// when the JSON is not an object.
bool read_site_settings(std::string_view json, SiteSettings& out);

}  // namespace draftmark
