#!/usr/bin/env bash
# README command 1: set up, build what the editor needs (the wasm module and dist/, including
# the offline single file) and serve the editor on http://127.0.0.1:${PORT:-8080}/dist/index.html
# Not the native tree (CLI, unit tests, fuzz replayer, benchmark engines): scripts/build.sh and
# scripts/test.sh build those. Each step skips when its outputs are up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --editor
. scripts/env.sh
# The wasm is rebuilt when a source or build file is newer than it: asking make to find that out
# costs 2+ s even when nothing changed (recursive Makefiles over libyaml, md4c and the core).
wasm=build/wasm/draftmark.wasm
if [ ! -f build/wasm/CMakeCache.txt ]; then cmake --preset wasm >/dev/null; fi
if [ ! -f "$wasm" ] || [ -n "$(find wasm cmake CMakeLists.txt CMakePresets.json emsdk-version.txt -newer "$wasm" -type f -print -quit)" ]; then
  cmake --build --preset wasm -j "$(nproc)"
else
  echo "build/wasm/draftmark.wasm is up to date"
fi
# dist/ is rebuilt only when a web source, the wasm or the lock file is newer than it.
stamp=build/dist.stamp
if [ ! -f "$stamp" ] || [ -n "$(find web package.json package-lock.json build/wasm/draftmark.wasm -newer "$stamp" -type f -print -quit)" ]; then
  node web/build.mjs
  touch "$stamp"
else
  echo "dist/ is up to date"
fi
echo "Offline single file (open it directly, no server needed): $PWD/dist/draftmark.html"
exec node web/serve.mjs
