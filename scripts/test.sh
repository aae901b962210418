#!/usr/bin/env bash
# README command 2: set up, build everything, run every test. ctest's summary is the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
. scripts/env.sh
ctest --preset native -j "$(nproc)"
