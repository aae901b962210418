#!/usr/bin/env bash
# README command 1: set up, build, write dist/ (including the offline single file),
# and serve the editor on http://127.0.0.1:${PORT:-8080}/dist/index.html
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo "Offline single file (open it directly, no server needed): $PWD/dist/draftmark.html"
exec node web/serve.mjs
