#!/usr/bin/env bash
# Builds the native tree (CLI + tests), the wasm module and the web bundles (dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
jobs=$(nproc)
cmake --preset native >/dev/null
cmake --build --preset native -j "$jobs"
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$jobs"
node web/build.mjs
