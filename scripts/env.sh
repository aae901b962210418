# Sourced by the scripts: where the toolchains are.
# Debian's emscripten needs its node modules on NODE_PATH; an emsdk install sets
# EMSDK and puts em-config on PATH, which works too.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
# Without emsdk, Debian's package is in /usr/share/emscripten, which is what em-config would say
# after ~1-3 s of Python start-up; asking only when an emsdk is active keeps sourcing this instant.
if [ -z "${EMSCRIPTEN_ROOT:-}" ]; then
  if [ -z "${EMSDK:-}" ] && [ -f /usr/share/emscripten/emcc.py ]; then
    EMSCRIPTEN_ROOT=/usr/share/emscripten
  else
    EMSCRIPTEN_ROOT=$(em-config EMSCRIPTEN_ROOT 2>/dev/null || echo /usr/share/emscripten)
  fi
  export EMSCRIPTEN_ROOT
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
