#include "jekyll/liquid/liquid_tags.h"

#include <algorithm>

#include "jekyll/liquid/liquid_filters.h"
#include "jekyll/liquid/liquid_lexer.h"
#include "text/html_escape.h"
#include "text/url_policy.h"
#include "text/utf8.h"

namespace draftmark {
namespace {

struct Embed {
  const char* name;
  const char* label;   // shown in the card
  const char* prefix;  // link = prefix + id; nullptr: the `src` parameter is the link
};
const Embed kEmbeds[] = {
    {"youtube", "YouTube video", "https://www.youtube.com/watch?v="},
    {"bilibili", "Bilibili video", "https://www.bilibili.com/video/"},
    {"twitch", "Twitch video", "https://www.twitch.tv/videos/"},
    {"spotify", "Spotify track", "https://open.spotify.com/track/"},
    {"video", "Video", nullptr},
    {"audio", "Audio", nullptr},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `2020-01-02-slug.md` -> "slug"; empty when NAME has no date prefix.
std::string_view slug_of(std::string_view name) {
  size_t slash = name.rfind('/');
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  for (std::string_view ext : {".markdown", ".md", ".html"}) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) {
      name.remove_suffix(ext.size());
      break;
    }
  }
  if (name.size() < 12) return {};
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(name[i])) return {};
  }
  if (name[4] != '-' || name[7] != '-' || name[10] != '-') return {};
  return name.substr(11);
}

// key=value pairs after the include's file name; values quoted or bare.
std::vector<std::pair<std::string_view, std::string_view>> include_params(std::string_view s) {
  std::vector<std::pair<std::string_view, std::string_view>> params;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_liquid_space(s[i])) i++;
    size_t kb = i;
    while (i < s.size() && s[i] != '=' && !is_liquid_space(s[i])) i++;
    std::string_view key = s.substr(kb, i - kb);
    while (i < s.size() && is_liquid_space(s[i])) i++;
    if (i >= s.size() || s[i] != '=') {
      if (key.empty()) break;
      continue;
    }
    i++;
    while (i < s.size() && is_liquid_space(s[i])) i++;
    std::string_view value;
    if (i < s.size() && (s[i] == '\'' || s[i] == '"')) {
      char q = s[i++];
      size_t vb = i;
      while (i < s.size() && s[i] != q) i++;
      value = s.substr(vb, i - vb);
      if (i < s.size()) i++;
    } else {
      size_t vb = i;
      while (i < s.size() && !is_liquid_space(s[i])) i++;
      value = s.substr(vb, i - vb);
    }
    params.emplace_back(key, value);
  }
  return params;
}

void append_escaped(std::string& out, std::string_view s) { append_html_escaped(out, s.data(), s.size()); }

}  // namespace

std::string post_url_for(std::string_view name, const SiteSettings& site) {
  std::string_view slug = slug_of(name);
  std::string path = "/posts/";
  path += slug.empty() ? trim_liquid_space(name) : slug;
  path += '/';
  return relative_url(path, site);
}

void append_post_url(std::string_view markup, const SiteSettings& site, std::string& out,
                     std::vector<LiquidIssue>& issues) {
  std::string_view name = trim_liquid_space(markup);
  out += post_url_for(name, site);
  std::string shown(utf8_prefix(name, 120));
  if (slug_of(name).empty()) {
    issues.push_back(LiquidIssue{Severity::kWarning, "liquid-post-url",
                                 "`" + shown + "` is not a post name (YYYY-MM-DD-title); Jekyll will fail."});
  } else if (site.known_posts.empty()) {
    issues.push_back(LiquidIssue{Severity::kInfo, "liquid-post-url-unchecked",
                                 "The post `" + shown + "` is not checked: the site's posts are not known."});
  } else if (std::find(site.known_posts.begin(), site.known_posts.end(), name) == site.known_posts.end()) {
    out += "#post-not-found";
    issues.push_back(LiquidIssue{Severity::kWarning, "liquid-post-not-found",
                                 "There is no post `" + shown + "`; Jekyll will fail to build."});
  }
}

void append_link_tag(std::string_view markup, const SiteSettings& site, std::string& out,
                     std::vector<LiquidIssue>& issues) {
  std::string_view path = trim_liquid_space(markup);
  std::string shown(utf8_prefix(path, 120));
  if (path.rfind("_posts/", 0) == 0 && !slug_of(path).empty()) {
    append_post_url(slug_of(path).empty() ? path : path.substr(7), site, out, issues);
    return;
  }
  std::string target(path);
  for (std::string_view ext : {".markdown", ".md"}) {
    if (target.size() > ext.size() && target.compare(target.size() - ext.size(), ext.size(), ext) == 0) {
      target.replace(target.size() - ext.size(), ext.size(), ".html");
      break;
    }
  }
  out += relative_url(target, site);
  issues.push_back(LiquidIssue{Severity::kInfo, "liquid-link-unchecked",
                               "The link to `" + shown + "` is not checked: the site's files are not known."});
}

bool append_embed(std::string_view markup, const LiquidScope& scope, std::string_view media_subpath, bool unsafe,
                  std::string& out, std::vector<LiquidIssue>& issues) {
  std::string_view m = trim_liquid_space(markup);
  if (m.rfind("embed/", 0) != 0) return false;
  size_t end = 0;
  while (end < m.size() && !is_liquid_space(m[end])) end++;
  std::string_view file = m.substr(6, end - 6);
  const Embed* embed = nullptr;
  for (const Embed& e : kEmbeds) {
    if (file.size() == std::char_traits<char>::length(e.name) + 5 && file.rfind(e.name, 0) == 0 &&
        file.substr(file.size() - 5) == ".html") {
      embed = &e;
    }
  }
  if (embed == nullptr) return false;
  std::string id, src, title;
  for (const auto& [key, raw] : include_params(m.substr(end))) {
    std::string value;
    if (!raw.empty() && raw.data()[-1] != '\'' && raw.data()[-1] != '"') {
      append_rendered(evaluate_operand(raw, scope, issues), value);  // a variable
    } else {
      value = std::string(raw);
    }
    if (key == "id") id = value;
    else if (key == "src") src = value;
    else if (key == "title") title = value;
  }
  static const SiteSettings kNoSite;
  const SiteSettings& site = scope.site != nullptr ? *scope.site : kNoSite;
  std::string url;
  if (embed->prefix != nullptr) {
    url = embed->prefix;
    append_url_escaped(url, id.data(), id.size());
  } else {
    std::string path = src;
    if (path.find("://") == std::string::npos && !path.empty() && path[0] != '/' && !media_subpath.empty()) {
      path = std::string(media_subpath) + (media_subpath.back() == '/' ? "" : "/") + path;
    }
    std::string resolved = path.find("://") == std::string::npos ? relative_url(path, site) : path;
    append_url_escaped(url, resolved.data(), resolved.size());
  }
  std::string_view what = embed->prefix != nullptr ? std::string_view(id) : std::string_view(src);
  if (what.empty()) {
    issues.push_back(LiquidIssue{Severity::kWarning, "liquid-embed",
                                 std::string("The embed/") + embed->name + ".html include has no " +
                                     (embed->prefix != nullptr ? "id" : "src") + "."});
  }
  out += "<div class=\"embed-placeholder embed-";
  out += embed->name;
  out += "\" data-embed=\"";
  out += embed->name;
  out += "\">";
  bool safe = unsafe || is_safe_url(url, UrlContext::kLink);
  if (safe && !what.empty()) {
    out += "<a href=\"";
    append_escaped(out, url);
    out += "\">";
  }
  out += embed->label;
  out += ' ';
  append_escaped(out, title.empty() ? what : std::string_view(title));
  if (safe && !what.empty()) out += "</a>";
  out += "</div>";
  return true;
}

void append_tag_marker(std::string_view tag_text, std::string& out) {
  out += "<span class=\"liquid-tag\"";
  out += " title=\"Liquid tag not run in the preview\">";
  for (char c : tag_text) {
    // Entities keep Markdown and HTML syntax in the tag literal (md4c decodes them).
    if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '*' || c == '_' || c == '`' ||
        c == '[' || c == ']' || c == '\\' || c == '~' || c == '$' || c == '|' || c == '!' || c == '#' ||
        c == '{' || c == '}' || c == '%') {
      out += "&#";
      out += std::to_string(static_cast<unsigned char>(c));
      out += ';';
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  out += "</span>";
}

}  // namespace draftmark
