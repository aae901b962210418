// The native `draftmark` command.
//   draftmark render [--mode auto|gfm|commonmark|jekyll] [--no-source-lines]
//                    [--no-header] [--unsafe] [--site-url URL] [--baseurl PATH]
//                    [--site-title TEXT] [FILE|-]
//   draftmark check [--mode ...] FILE...
#include <cerrno>
#include <cstdio>
#include <cstring>
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
               "                        [--site-title TEXT] [FILE|-]\n"
               "       draftmark check [--mode ...] FILE...\n");
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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string command = argv[1];
  if (command != "render" && command != "check") return usage();

  draftmark::RenderOptions options;
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
      options.site.url = argv[++i];
    } else if (arg == "--baseurl" && i + 1 < argc) {
      options.site.baseurl = argv[++i];
    } else if (arg == "--site-title" && i + 1 < argc) {
      options.site.title = argv[++i];
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
    const draftmark::RenderResult& r = renderer.render(text, options);
    std::fwrite(r.html.data(), 1, r.html.size(), stdout);
    for (const auto& d : r.diagnostics) {
      std::fprintf(stderr, "%s:%u:%u: %s: %s\n", path.c_str(), d.line, d.column,
                   severity_name(d.severity), d.message.c_str());
    }
    return 0;
  }

  if (files.empty()) return usage();
  bool any_error = false;
  for (const std::string& path : files) {
    std::string text;
    if (!read_all(path, text)) {
      std::fprintf(stderr, "draftmark: cannot read %s: %s\n", path.c_str(), std::strerror(errno));
      any_error = true;
      continue;
    }
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
