// The native `draftmark` command.
//   draftmark render [--mode auto|gfm|commonmark|jekyll] [--no-source-lines]
//                    [--no-header] [--unsafe] [--site-url URL] [--baseurl PATH]
//                    [--site-title TEXT] [--config _config.yml] [FILE|-]
//   draftmark check [--mode ...] [--config _config.yml] FILE...
// --config reads the site's settings as the editor's site folder does (the core's
// read_site_config): url, baseurl, title, lang, the authors of _data/authors.yml beside it,
// the front-matter defaults for each file's path in
// the site, and the posts in _posts/ beside it (so post_url is checked). --site-* flags
// given after it override its values.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "draftmark/document.h"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: draftmark render [--mode auto|gfm|commonmark|jekyll] [--no-source-lines]\n"
               "                        [--no-header] [--unsafe] [--site-url URL] [--baseurl PATH]\n"
               "                        [--site-title TEXT] [--config _config.yml] [FILE|-]\n"
               "       draftmark check [--mode ...] [--config _config.yml] FILE...\n");
  return 2;
}

bool read_all(const std::string& path, std::string& out) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

bool parse_mode(const char* name, draftmark::Mode& mode) {
  using draftmark::Mode;
  for (Mode m : {Mode::kAuto, Mode::kGfm, Mode::kCommonMark, Mode::kJekyll}) {
    if (std::strcmp(name, draftmark::mode_name(m)) == 0) {
      mode = m;
      return true;
    }
  }
  return false;
}

const char* severity_name(draftmark::Severity s) {
  return s == draftmark::Severity::kError ? "error" : s == draftmark::Severity::kInfo ? "info" : "warning";
}

// _posts/ names without extension ("2024-01-02-a"), as the editor's Posts panel lists them.
std::vector<std::string> list_posts(const std::filesystem::path& site) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(site / "_posts", ec)) {
    const std::filesystem::path& p = entry.path();
    if (entry.is_regular_file(ec) && (p.extension() == ".md" || p.extension() == ".markdown")) {
      names.push_back(p.stem().string());
    }
  }
  return names;
}

// The file's path in the site (for `defaults:` scopes): relative to the config's folder,
// else "_posts/<name>" (a post checked from elsewhere).
std::string site_path(const std::filesystem::path& site, const std::string& file) {
  std::error_code ec;
  std::filesystem::path rel = std::filesystem::relative(file, site, ec);
  std::string s = rel.generic_string();
  if (ec || s.empty() || s.rfind("..", 0) == 0) return "_posts/" + std::filesystem::path(file).filename().string();
  return s;
}

struct SiteFlags {
  std::string config_path, config_text;
  std::string authors_path, authors_text;  // the config's _data/authors.yml, when there is one
  const char* url = nullptr;
  const char* baseurl = nullptr;
  const char* title = nullptr;
};

// Settings for one file: --config's (for its path), then any --site-* flag over them.
void site_for(const SiteFlags& flags, const std::string& file, draftmark::SiteSettings& site) {
  if (!flags.config_path.empty()) {
    std::filesystem::path dir = std::filesystem::path(flags.config_path).parent_path();
    if (dir.empty()) dir = ".";
    std::vector<draftmark::Diagnostic> diagnostics;
    draftmark::read_site_config(flags.config_text, site_path(dir, file == "-" ? "_posts/stdin.md" : file), site,
                                diagnostics, flags.authors_text);
    site.known_posts = list_posts(dir);
  }
  if (flags.url) site.url = flags.url;
  if (flags.baseurl) site.baseurl = flags.baseurl;
  if (flags.title) site.title = flags.title;
}

// The config's own problems, once, as FILE:LINE:COL lines; true if one is an error.
bool report_config(const SiteFlags& flags, FILE* out) {
  if (flags.config_path.empty()) return false;
  draftmark::SiteSettings unused;
  std::vector<draftmark::Diagnostic> diagnostics;
  draftmark::read_site_config(flags.config_text, "_posts/post.md", unused, diagnostics, flags.authors_text);
  bool error = false;
  for (const auto& d : diagnostics) {
    error = error || d.severity == draftmark::Severity::kError;
    const std::string& file = d.code.rfind("authors-", 0) == 0 ? flags.authors_path : flags.config_path;
    std::fprintf(out, "%s:%u:%u: %s: %s\n", file.c_str(), d.line, d.column, severity_name(d.severity),
                 d.message.c_str());
  }
  return error;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string command = argv[1];
  if (command != "render" && command != "check") return usage();

  draftmark::RenderOptions options;
  SiteFlags site;
  std::vector<std::string> files;
  for (int i = 2; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--mode" && i + 1 < argc) {
      if (!parse_mode(argv[++i], options.mode)) return usage();
    } else if (arg == "--no-source-lines") {
      options.source_lines = false;
    } else if (arg == "--no-header") {
      options.post_header = false;
    } else if (arg == "--unsafe") {
      options.unsafe = true;
    } else if (arg == "--site-url" && i + 1 < argc) {
      site.url = argv[++i];
    } else if (arg == "--baseurl" && i + 1 < argc) {
      site.baseurl = argv[++i];
    } else if (arg == "--site-title" && i + 1 < argc) {
      site.title = argv[++i];
    } else if (arg == "--config" && i + 1 < argc) {
      site.config_path = argv[++i];
      if (!read_all(site.config_path, site.config_text)) {
        std::fprintf(stderr, "draftmark: cannot read %s: %s\n", site.config_path.c_str(), std::strerror(errno));
        return 2;
      }
      // Chirpy's authors live beside the config, as in the editor's site folder.
      std::filesystem::path authors = std::filesystem::path(site.config_path).parent_path() / "_data" / "authors.yml";
      if (std::filesystem::exists(authors) && read_all(authors.string(), site.authors_text)) site.authors_path = authors.string();
    } else if (arg.size() > 1 && arg[0] == '-' ) {
      return usage();
    } else {
      files.push_back(arg);
    }
  }

  draftmark::Renderer renderer;
  if (command == "render") {
    if (files.size() > 1) return usage();
    std::string path = files.empty() ? "-" : files[0];
    std::string text;
    if (!read_all(path, text)) {
      std::fprintf(stderr, "draftmark: cannot read %s: %s\n", path.c_str(), std::strerror(errno));
      return 2;
    }
    report_config(site, stderr);
    site_for(site, path, options.site);
    const draftmark::RenderResult& r = renderer.render(text, options);
    std::fwrite(r.html.data(), 1, r.html.size(), stdout);
    for (const auto& d : r.diagnostics) {
      std::fprintf(stderr, "%s:%u:%u: %s: %s\n", path.c_str(), d.line, d.column,
                   severity_name(d.severity), d.message.c_str());
    }
    return 0;
  }

  if (files.empty()) return usage();
  bool any_error = report_config(site, stdout);
  for (const std::string& path : files) {
    std::string text;
    if (!read_all(path, text)) {
      std::fprintf(stderr, "draftmark: cannot read %s: %s\n", path.c_str(), std::strerror(errno));
      any_error = true;
      continue;
    }
    site_for(site, path, options.site);
    const draftmark::RenderResult& r = renderer.render(text, options);
    for (const auto& d : r.diagnostics) {
      bool error = d.severity == draftmark::Severity::kError;
      any_error = any_error || error;
      std::printf("%s:%u:%u: %s: %s\n", path.c_str(), d.line, d.column, severity_name(d.severity),
                  d.message.c_str());
    }
  }
  return any_error ? 1 : 0;
}
