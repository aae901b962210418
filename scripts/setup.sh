#!/usr/bin/env bash
# Installs everything Draftmark needs on a fresh Debian 12 machine; idempotent.
# Used by both README commands (scripts/serve.sh and scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: compilers and tools, Emscripten, doctest, Chromium for browser
# tests (and Korean and emoji fonts, so screenshots of the seed post and Chirpy's prompt
# icons show glyphs, not boxes),
# kramdown (the Jekyll oracle), jekyll (the Liquid oracle) and the plugins Chirpy's page needs
# (the page oracle, tests/chirpy/), Node.js if absent.
packages=(cmake g++ clang libclang-rt-14-dev make patch curl xz-utils ca-certificates
          emscripten doctest-dev chromium fonts-nanum fonts-noto-color-emoji ruby-kramdown ruby-kramdown-parser-gfm
          jekyll ruby-jekyll-paginate ruby-jekyll-redirect-from ruby-jekyll-seo-tag ruby-jekyll-archives
          ruby-jekyll-sitemap ruby-jekyll-include-cache)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
# One dpkg-query for all of them (one per package cost ~0.2 s each: every call reads dpkg's
# whole status database); unknown packages print nothing and count as missing (dpkg-query
# then exits 1, which must not stop the script under pipefail: that is the fresh machine).
installed=" $(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null |
  awk '$2 == "ii" { printf "%s ", $1 }' || true)"
missing=()
for p in "${packages[@]}"; do
  [[ "$installed" == *" $p "* ]] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# npm packages, exactly as locked.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund >&2
fi
# The benchmark's comparison engines (bench/package-lock.json); its smoke run is a ctest.
# `--editor` (scripts/serve.sh) skips them: the editor does not need them.
if [ "${1:-}" != "--editor" ] && { [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; }; then
  npm ci --prefix bench --no-audit --no-fund >&2
fi
