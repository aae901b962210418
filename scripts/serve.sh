#!/usr/bin/env bash
# README command 1: set up, build what the editor needs (the wasm module and dist/, including
# the offline single file) and serve the editor on http://127.0.0.1:${PORT:-8080}/dist/index.html
# Not the native tree (CLI, unit tests, fuzz replayer, benchmark engines): scripts/build.sh and
# scripts/test.sh build those. Each step skips when its outputs are up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --editor
. scripts/env.sh
[ -f build/wasm/CMakeCache.txt ] || cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$(nproc)"
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
