// Times Renderer::render in-process for the pathological test (spawning the CLI per
// render would measure process start-up, not the renderer).
//   render_timer --mode gfm|commonmark|jekyll|auto [--min-ms 30] [--min-renders 3] FILE...
// Files are rendered in alternating rounds (so drift hits all sizes alike) until each
// has had >= min-renders renders and >= min-ms in total; the minimum time per file is reported,
// in thread CPU time (a shared 2-core CI machine deschedules us; CPU time does not
// count that), one JSON object per line: {"file":…,"ns":…,"renders":…,"html_bytes":…,"diagnostics":…}.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <malloc.h>
#include <iterator>
#include <string>
#include <vector>

#include "draftmark/document.h"

namespace {

// Enough rounds for a stable minimum; a cap so a quadratic case cannot run for minutes.
constexpr int kDefaultMinRenders = 3;
constexpr int kMaxRenders = 200;

struct Sample {
  std::string path;
  std::string text;
  double best_ns = 1e300;
  double total_ns = 0;
  int renders = 0;
  size_t html_bytes = 0;
  size_t diagnostics = 0;
};

double thread_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
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

}  // namespace

int main(int argc, char** argv) {
  draftmark::RenderOptions options;
  double min_ns = 30e6;
  int min_renders = kDefaultMinRenders;
  std::vector<Sample> samples;
  for (int i = 1; i < argc; i++) {
    if (!std::strcmp(argv[i], "--mode") && i + 1 < argc) {
      if (!parse_mode(argv[++i], options.mode)) return 2;
    } else if (!std::strcmp(argv[i], "--min-ms") && i + 1 < argc) {
      min_ns = std::atof(argv[++i]) * 1e6;
    } else if (!std::strcmp(argv[i], "--min-renders") && i + 1 < argc) {
      min_renders = std::max(1, std::atoi(argv[++i]));
    } else {
      Sample s;
      s.path = argv[i];
      std::ifstream in(s.path, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "render_timer: cannot read %s\n", argv[i]);
        return 2;
      }
      s.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      samples.push_back(std::move(s));
    }
  }
  if (samples.empty()) {
    std::fprintf(stderr, "usage: render_timer --mode M [--min-ms X] [--min-renders N] FILE...\n");
    return 2;
  }

  // Keep freed memory in the heap: otherwise glibc returns big blocks to the kernel
  // and the next render pays page faults that depend on its trim heuristics, which
  // makes ratios jump (the wasm heap never shrinks, so this is also closer to it).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);

  draftmark::Renderer renderer;
  auto done = [&](const Sample& s) {
    return s.renders >= kMaxRenders || (s.renders >= min_renders && s.total_ns >= min_ns);
  };
  while (!std::all_of(samples.begin(), samples.end(), done)) {
    for (Sample& s : samples) {
      if (done(s)) continue;
      double start = thread_cpu_ns();
      const draftmark::RenderResult& r = renderer.render(s.text, options);
      double ns = thread_cpu_ns() - start;
      s.best_ns = std::min(s.best_ns, ns);
      s.total_ns += ns;
      s.renders++;
      s.html_bytes = r.html.size();
      s.diagnostics = r.diagnostics.size();
    }
  }
  for (const Sample& s : samples) {
    std::printf("{\"file\":\"%s\",\"ns\":%.0f,\"renders\":%d,\"html_bytes\":%zu,\"diagnostics\":%zu}\n",
                s.path.c_str(), s.best_ns, s.renders, s.html_bytes, s.diagnostics);
  }
  return 0;
}
