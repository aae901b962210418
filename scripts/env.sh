# Sourced by the scripts: where the toolchains are.
# Debian's emscripten needs its node modules on NODE_PATH; an emsdk install sets
# EMSDK and puts em-config on PATH, which works too.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
if [ -z "${EMSCRIPTEN_ROOT:-}" ]; then
  EMSCRIPTEN_ROOT=$(em-config EMSCRIPTEN_ROOT 2>/dev/null || echo /usr/share/emscripten)
  export EMSCRIPTEN_ROOT
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
