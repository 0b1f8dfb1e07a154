#!/usr/bin/env bash
# Re-renders the committed PNG icons from resources/icons/headroom.svg. Run it after changing
# the SVG; the build only installs the results, so it needs no SVG rasterizer.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
svg="$here/../../resources/icons/headroom.svg"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$here/icons/${size}x$size"
    rsvg-convert -w "$size" -h "$size" "$svg" \
        -o "$here/icons/${size}x$size/io.github.headroom.Headroom.png"
done
