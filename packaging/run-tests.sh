#!/usr/bin/env bash
# Runs the whole suite from an already configured build (packaging/dev.sh test calls this).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build_dir="$root/build/default"
jobs=$(nproc 2>/dev/null || echo 2)

echo "== architecture check: core/ must not use QtGui or QtWidgets"
if grep -rnE '#include <(QtWidgets|QtGui)|#include <Q(Widget|Application|Pixmap|Icon|Color|Font|Painter|MainWindow)>' "$root/core"; then
    echo "core/ includes GUI headers" >&2
    exit 1
fi

echo "== unit, integration and GUI tests"
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
