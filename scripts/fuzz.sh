#!/usr/bin/env bash
# Fuzzes the native core with libFuzzer (clang, ASan + UBSan) for SECONDS (default 1800).
#   bash scripts/fuzz.sh [SECONDS]
# Corpus: build/fuzz/corpus (kept between runs), seeded from the spec, fixtures and attacks.
# A crash is written to build/fuzz/artifacts/; copy it to tests/fuzz/regressions/ with a name
# saying what broke, so ctest's fuzz_replay keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1800}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
node tests/fuzz/make-seed-corpus.mjs --out build/fuzz/seeds
mkdir -p build/fuzz/corpus build/fuzz/artifacts
cd build/fuzz
exec ./tests/fuzz/fuzz_render -dict=../../tests/fuzz/markdown.dict -max_total_time="$seconds" \
  -max_len=65536 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=artifacts/ -print_final_stats=1 \
  corpus seeds ../../tests/fuzz/regressions
