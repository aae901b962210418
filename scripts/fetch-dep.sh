#!/usr/bin/env bash
# Fetch one pinned source tarball into the cache, verified by SHA-256.
# Tries the upstream release first; where that host is unreachable, falls back
# to Debian's source archive via `apt-get source --download-only` with a
# private apt configuration (the system's apt sources are never touched).
#
# usage: fetch-dep.sh OUT_FILE URL SHA256 DEB_PKG DEB_VERSION(may be empty) DEB_SUITE DEB_FILE DEB_SHA256
# Prints the path of a verified tarball on stdout (either the upstream or the Debian one).
set -euo pipefail
out=$1 url=$2 sha=$3 deb_pkg=$4 deb_ver=${5:-} deb_suite=$6 deb_file=$7 deb_sha=$8
cache=$(dirname "$out")
mkdir -p "$cache"

verified() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

deb_out="$cache/$deb_file"
if verified "$out" "$sha"; then echo "$out"; exit 0; fi
if verified "$deb_out" "$deb_sha"; then echo "$deb_out"; exit 0; fi

# 1. upstream release (short timeout: on our machines GitHub is unreachable)
if command -v curl >/dev/null && curl -fsSL --connect-timeout 10 --max-time 120 -o "$out.part" "$url" 2>/dev/null; then
  if echo "$sha  $out.part" | sha256sum -c --status; then mv "$out.part" "$out"; echo "$out"; exit 0; fi
  echo "fetch-dep: $url does not match its pinned SHA-256; ignoring it" >&2
fi
rm -f "$out.part"

# 2. Debian source archive, private apt configuration under the cache.
apt_root="$cache/apt-$deb_suite"
mkdir -p "$apt_root/sources.list.d" "$apt_root/lists/partial" "$apt_root/cache/archives/partial" "$apt_root/work"
# Read the mirror URIs from the machine's own deb822 sources (first non-security one).
uris=$(awk '/^URIs:/ {print $2}' /etc/apt/sources.list.d/debian.sources 2>/dev/null | grep -v security | head -n1)
uris=${uris:-http://deb.debian.org/debian}
cat > "$apt_root/sources.list.d/draftmark-src.sources" <<SRC
Types: deb-src
URIs: $uris
Suites: $deb_suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
apt_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_root/sources.list.d"
          -o "Dir::State::Lists=$apt_root/lists" -o "Dir::Cache=$apt_root/cache"
          -o "APT::Sandbox::User=root" -o "Acquire::Languages=none")
echo "fetch-dep: upstream unreachable, using Debian's source archive ($deb_pkg $deb_ver, $deb_suite)" >&2
apt-get "${apt_opts[@]}" -qq update >&2
# The .dsc / .debian.tar.xz may 404; only the .orig.tar.gz matters, so ignore the exit code.
(cd "$apt_root/work" && apt-get "${apt_opts[@]}" -qq source --download-only "$deb_pkg${deb_ver:+=$deb_ver}" >&2) || true
if [ -f "$apt_root/work/$deb_file" ] && echo "$deb_sha  $apt_root/work/$deb_file" | sha256sum -c --status; then
  mv "$apt_root/work/$deb_file" "$deb_out"; echo "$deb_out"; exit 0
fi
echo "fetch-dep: could not obtain a verified $deb_file (expected SHA-256 $deb_sha)" >&2
exit 1
