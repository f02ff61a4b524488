#!/usr/bin/env bash
# Renders the committed PNG sizes of the application icon from its SVG (the SVG is the source;
# run this after editing it and commit the PNGs). Needs rsvg-convert (librsvg2-bin).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
id=io.github.ocular.Ocular
svg="$here/hicolor/scalable/apps/$id.svg"
for size in 16 32 48 64 128 256; do
    dir="$here/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$size" --height "$size" --output "$dir/$id.png" "$svg"
done
echo "PNGs rendered from $svg"
