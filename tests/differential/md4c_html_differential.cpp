// Differential test: in gfm mode with our extras off (no math, no URL policy, no
// source lines), our renderer must produce byte-for-byte what md4c-html produces
// (XHTML flavour) for the same md4c flags. Corpus: every example of the CommonMark
// spec.txt given as argv[1], any files given after it (the examples of a .txt in the
// spec format, a whole .md otherwise) and the pathological patterns our md4c patches
// make linear, at several sizes.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/html_renderer.h"
#include "core/line_index.h"
#include "core/source_map.h"

extern "C" {
#include "md4c-html.h"
#include "md4c.h"
}

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Extracts the Markdown of each example: between the opening fence line
// "```````````````````````````````` example" and the "." line.
std::vector<std::string> spec_examples(const std::string& spec) {
  const std::string open = "```````````````````````````````` example\n";
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = spec.find(open, pos)) != std::string::npos) {
    size_t begin = pos + open.size();
    size_t dot = spec.find("\n.\n", begin - 1);
    if (dot == std::string::npos) break;
    std::string md = spec.substr(begin, dot + 1 - begin);
    for (size_t i = 0; (i = md.find("\xE2\x86\x92", i)) != std::string::npos;) md.replace(i, 3, "\t");
    out.push_back(md);
    pos = dot;
  }
  return out;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string repeat(const std::string& s, int k) {
  std::string out;
  for (int i = 0; i < k; i++) out += s;
  return out;
}

// empty-lines-in-nested-lists and empty-lines-in-quoted-nested-lists of
// tests/pathological/patterns.mjs (cmake/patches/md4c-blank-line-containers.patch).
std::vector<std::string> blank_line_patterns() {
  std::vector<std::string> out;
  for (int n : {1, 2, 3, 5, 17, 100, 1000}) {
    out.push_back(repeat("- ", n) + "x" + repeat("\n", n));
    out.push_back("> " + repeat("- ", n) + "x\n" + repeat(">\n", n));
    out.push_back(repeat("- ", n) + "x" + repeat("\n", n) + repeat("  ", n) + "y\n");
    out.push_back(repeat("- ", n) + "> " + repeat("- ", n) + "x\n" + repeat("\n", n) + "z\n");
  }
  return out;
}

void append_output(const MD_CHAR* text, MD_SIZE size, void* userdata) {
  static_cast<std::string*>(userdata)->append(text, size);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: md4c_html_differential SPEC.txt [FILE.md...]\n");
    return 2;
  }
  std::vector<std::string> corpus = spec_examples(read_file(argv[1]));
  size_t spec_count = corpus.size();
  for (int i = 2; i < argc; i++) {
    if (ends_with(argv[i], ".txt")) {
      for (std::string& md : spec_examples(read_file(argv[i]))) corpus.push_back(std::move(md));
    } else {
      corpus.push_back(read_file(argv[i]));
    }
  }
  for (std::string& md : blank_line_patterns()) corpus.push_back(std::move(md));
  if (spec_count < 600) {
    std::fprintf(stderr, "only %zu spec examples found in %s\n", spec_count, argv[1]);
    return 1;
  }

  const unsigned flags = MD_DIALECT_GITHUB;
  draftmark::HtmlRenderOptions options;
  options.md_flags = flags;
  options.safe_urls = false;
  size_t same = 0;
  size_t shown = 0;
  for (const std::string& md : corpus) {
    std::string expected;
    md_html(md.data(), static_cast<MD_SIZE>(md.size()), append_output, &expected, flags, MD_HTML_FLAG_XHTML);
    draftmark::LineIndex lines;
    lines.build(md);
    draftmark::SourceMap map;
    map.reset(&lines, md.data(), md.size(), 0);
    std::vector<draftmark::BlockSpan> spans;
    std::string actual;
    draftmark::render_html(md.data(), md.size(), options, actual, map, spans);
    if (actual == expected) {
      same++;
    } else if (shown++ < 10) {
      std::printf("DIFFERENT\n--- markdown\n%s--- md4c-html\n%s--- draftmark\n%s\n", md.c_str(),
                  expected.c_str(), actual.c_str());
    }
  }
  std::printf("differential vs md4c-html: %zu/%zu identical\n", same, corpus.size());
  return same == corpus.size() ? 0 : 1;
}
