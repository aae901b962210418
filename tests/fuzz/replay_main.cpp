// Replays files through the fuzz target without libFuzzer, so ctest checks the seed
// corpus and every past crash on each build (fmtlib's fuzzers do the same).
//   fuzz_render_replay PATH...   (files, or directories read one level deep)
// Fails when a path is missing or nothing was replayed; a broken invariant aborts.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

namespace {

bool replay_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::fprintf(stderr, "%s\n", path.c_str());  // the last name printed is the culprit
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  size_t replayed = 0;
  for (int i = 1; i < argc; i++) {
    fs::path path = argv[i];
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      size_t before = replayed;
      for (const fs::path& f : files) replayed += replay_file(f) ? 1 : 0;
      std::printf("%s: %zu inputs\n", path.c_str(), replayed - before);
    } else if (replay_file(path)) {
      replayed++;
    } else {
      std::fprintf(stderr, "fuzz_render_replay: cannot read %s\n", path.c_str());
      return 1;
    }
  }
  std::printf("replayed %zu inputs, all invariants held\n", replayed);
  return replayed > 0 ? 0 : 1;
}
