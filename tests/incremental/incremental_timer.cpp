// Times a keystroke rendered incrementally (IncrementalRenderer::render_edit) against a full
// render of the same text (Renderer::render), in-process, in thread CPU time:
//   incremental_timer --mode gfm|commonmark|jekyll [--positions 20] [--keys 10] FILE...
// At `positions` places spread over the text (each moved into a line that starts like prose,
// past any front matter) it types `keys` letters one at a time, then deletes them one at a
// time, and checks the last result against a full render. Prints one line per file: the
// full render's median (also through IncrementalRenderer::render, which keeps it), the keystrokes' median and 95th percentile, the share of keystrokes
// that were incremental, and the ratio of the medians.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "api/incremental_renderer.h"
#include "draftmark/document.h"

namespace {

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t at = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(at, values.size() - 1)];
}

bool starts_like_prose(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0; }

// The middle of the first prose line at or after `from` (at a character boundary), or npos.
size_t prose_position(const std::string& text, size_t from) {
  for (size_t line = text.rfind('\n', from); line != std::string::npos && line + 1 < text.size();
       line = text.find('\n', line + 1)) {
    const size_t begin = line + 1;
    if (!starts_like_prose(static_cast<unsigned char>(text[begin]))) continue;
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    size_t at = begin + (end - begin) / 2;
    while (at > begin && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) at--;
    return at;
  }
  return std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  draftmark::RenderOptions options;
  size_t positions = 20, keys = 10;
  std::vector<std::string> files;
  for (int i = 1; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--mode" && i + 1 < argc) {
      std::string mode = argv[++i];
      options.mode = mode == "jekyll" ? draftmark::Mode::kJekyll
                     : mode == "commonmark" ? draftmark::Mode::kCommonMark
                                             : draftmark::Mode::kGfm;
    } else if (arg == "--positions" && i + 1 < argc) {
      positions = std::strtoul(argv[++i], nullptr, 10);
    } else if (arg == "--keys" && i + 1 < argc) {
      keys = std::strtoul(argv[++i], nullptr, 10);
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: incremental_timer --mode gfm|commonmark|jekyll [--positions N] [--keys N] FILE...\n");
    return 2;
  }
  options.input_is_utf8 = true;  // as the editor sends it (TextEncoder output)
  int status = 0;
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    draftmark::Renderer full;
    std::vector<double> full_ms;
    for (int i = 0; i < 7; i++) {
      const double t0 = thread_cpu_ms();
      full.render(text, options);
      full_ms.push_back(thread_cpu_ms() - t0);
    }
    draftmark::IncrementalRenderer inc;
    std::vector<double> kept_ms;  // a full render that is kept for edits (dm_render's path)
    for (int i = 0; i < 7; i++) {
      const double t0 = thread_cpu_ms();
      inc.render(text, options);
      kept_ms.push_back(thread_cpu_ms() - t0);
    }
    std::vector<double> key_ms;
    std::map<std::string, size_t> why_full;
    size_t incremental = 0, total = 0;
    const size_t body = text.rfind("---\n", 0) == 0 ? text.find("\n---\n", 3) + 5 : 0;
    for (size_t p = 0; p < positions; p++) {
      size_t at = prose_position(text, body + (text.size() - body) * (2 * p + 1) / (2 * positions));
      if (at == std::string::npos) continue;
      for (size_t k = 0; k < 2 * keys; k++) {
        const bool typing = k < keys;
        const double t0 = thread_cpu_ms();
        inc.render_edit(typing ? at : at - 1, typing ? 0 : 1, typing ? "a" : "", options);
        key_ms.push_back(thread_cpu_ms() - t0);
        at += typing ? 1 : -1;
        total++;
        if (inc.changes().incremental) {
          incremental++;
        } else if (inc.changes().why_full != nullptr) {
          why_full[inc.changes().why_full]++;
        }
        if (k == keys - 1 && inc.result().html != full.render(inc.text(), options).html) {
          std::fprintf(stderr, "%s: incremental result differs from a full render\n", path.c_str());
          status = 1;
        }
      }
    }
    const double full_median = percentile(full_ms, 0.5);
    const double key_median = percentile(key_ms, 0.5);
    std::printf("%s (%zu bytes, %s): full render %.2f ms (kept for edits: %.2f ms); keystroke median %.3f ms, "
                "p95 %.3f ms; %zu/%zu incremental; full/keystroke %.0fx\n",
                path.c_str(), text.size(), draftmark::mode_name(options.mode), full_median,
                percentile(kept_ms, 0.5), key_median,
                percentile(key_ms, 0.95), incremental, total, key_median > 0 ? full_median / key_median : 0.0);
    for (const auto& [why, count] : why_full) std::printf("  full: %zu %s\n", count, why.c_str());
  }
  return status;
}
