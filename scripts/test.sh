#!/usr/bin/env bash
# README command 2: set up, build everything, run every test. ctest's summary is the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
. scripts/env.sh
# ASan/UBSan over the tests that exercise the C++ core (ctest label "sanitize": unit,
# differential, spec through the CLI, pathological, bad input, attack corpus, fuzz
# replay), native builds only. Its failure shows in its own summary above and in the
# exit status, after the main run, so that ctest's summary stays the last output.
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
asan_status=0
ctest --preset asan -j "$(nproc)" || asan_status=$?
ctest --preset native -j "$(nproc)"
exit "$asan_status"
