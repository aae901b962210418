#!/usr/bin/env bash
# Runs every browser suite N times (default 10) with one core kept busy by a CPU hog, the way a
# shared machine loads it, prints a pass/fail count per suite and fails if any run failed.
# Usage: scripts/repeat-tests.sh [N] [suite-file...] (default: tests/browser/editor/*.test.mjs,
# tests/security/browser-attacks.test.mjs, tests/dist/browser.test.mjs). Needs dist/ built.
#        scripts/repeat-tests.sh --full [N]: the whole test command (scripts/test.sh) N times in a
#        row, no hog (the ASan and native ctest runs already load both cores); each run's log is
#        test-artifacts/repeat-full-I.log and its ctest summaries are printed.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--full" ]; then
  runs=${2:-10}
  mkdir -p test-artifacts
  failed=0
  for ((i = 1; i <= runs; i++)); do
    log="test-artifacts/repeat-full-$i.log"
    start=$(date +%s)
    if bash scripts/test.sh > "$log" 2>&1; then result=ok; else result=FAILED; failed=$((failed + 1)); fi
    echo "full run $i: $result in $(( $(date +%s) - start )) s; $(grep -h 'tests passed' "$log" | tr '\n' ' ')"
  done
  echo "summary: $((runs - failed))/$runs full runs green"
  [ "$failed" -eq 0 ]
  exit
fi
runs=${1:-10}
shift || true
if [ $# -gt 0 ]; then suites=("$@"); else
  suites=(tests/browser/editor/*.test.mjs tests/security/browser-attacks.test.mjs tests/dist/browser.test.mjs)
fi
yes > /dev/null &
hog=$!
trap 'kill "$hog" 2>/dev/null' EXIT
declare -A failed
total_failed=0
for ((i = 1; i <= runs; i++)); do
  for suite in "${suites[@]}"; do
    log="test-artifacts/repeat-$(basename "$suite" .test.mjs)-$i.log"
    mkdir -p test-artifacts
    if timeout 900 node "$suite" > "$log" 2>&1; then echo "run $i $suite: ok"; else
      echo "run $i $suite: FAILED (see $log)"; failed[$suite]=$(( ${failed[$suite]:-0} + 1 )); total_failed=$((total_failed + 1)); fi
  done
done
echo "summary: $runs runs, one core loaded"
for suite in "${suites[@]}"; do echo "  $suite: $(( runs - ${failed[$suite]:-0} ))/$runs passed"; done
[ "$total_failed" -eq 0 ]
