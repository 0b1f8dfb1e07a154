#!/usr/bin/env bash
# Sets up a Debian 12 machine for Headroom, builds it and runs it.
#
#   packaging/bootstrap.sh run    install packages, build, start Headroom on the example
#   packaging/bootstrap.sh test   install packages, build, run the whole test suite
#
# Safe to run again: packages already present are skipped and the build is incremental.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$here/.." && pwd)"
mode="${1:-}"
preset="${HEADROOM_PRESET:-release}"

usage() {
    echo "usage: $0 run|test" >&2
    exit 2
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
    mapfile -t wanted < <(grep -v '^\s*#' "$here/debian-build-deps.txt" | sed '/^\s*$/d')
    local missing=()
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "==> Installing ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}"
    fi
}

build() {
    echo "==> Configuring and building ($preset)"
    cmake --preset "$preset" -S "$top" >/dev/null
    cmake --build --preset "$preset" --parallel "$(nproc)"
}

case "$mode" in
run)
    install_packages
    build
    app="$top/build/$preset/app/headroom"
    example="$top/resources/examples/two-rack-h100.json"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec "$app" "$example"
    fi
    echo "==> No display found; starting Headroom on a virtual X display (xvfb-run)."
    echo "    Set DISPLAY to see the window on your screen."
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$app" "$example"
    ;;
test)
    install_packages
    build
    echo "==> Running the test suite"
    ctest --preset "$preset" --parallel "$(nproc)"
    ;;
*)
    usage
    ;;
esac
