#!/usr/bin/env bash
# The whole benchmark in one command (about 6 minutes on 2 cores): installs bench/'s pinned
# engines, builds the native tree (md4c sources), the wasm module, dist/ and a named link of
# the wasm for the size breakdown, then runs bench/run.mjs. Extra arguments go to run.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  npm ci --prefix bench --no-audit --no-fund >&2
fi
# A virtual display for the latency runs (bench/display.mjs says why headless is not enough).
if ! command -v Xvfb >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends xvfb >&2 ||
    echo "bench: no Xvfb; the latency runs fall back to headless Chromium" >&2
fi
bash scripts/build.sh
# The same objects linked again with a name section (identical code) to say what each part costs.
cmake -S . -B build/bench-wasm-names -DCMAKE_TOOLCHAIN_FILE="$EMSCRIPTEN_ROOT/cmake/Modules/Platform/Emscripten.cmake" \
  -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs >/dev/null
cmake --build build/bench-wasm-names -j "$(nproc)" --target draftmark_wasm >/dev/null
node bench/run.mjs --named-wasm build/bench-wasm-names/draftmark.wasm "$@"
