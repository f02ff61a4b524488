#!/usr/bin/env bash
# Ocular developer entry point: installs what is missing, builds, then runs the demo or the tests.
#   bash packaging/dev.sh demo    set up, build, open Ocular on its built-in demo registry
#   bash packaging/dev.sh test    set up, build, run the whole test suite (what CI runs)
# Both are idempotent: a second run only rebuilds what changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
mode=${1:-}
shift || true

case "$mode" in
demo | test | build) ;;
*)
    echo "usage: bash packaging/dev.sh demo|test|build" >&2
    exit 2
    ;;
esac

bash "$here/install-deps.sh"

build_dir="$root/build/default"
jobs=$(nproc 2>/dev/null || echo 2)
if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOCULAR_BUILD_TESTS=ON
fi
# The demo needs only the two programs; the test run, what the package holds here
# (run-tests.sh builds the suite where it runs it: under the sanitizers by default).
if [ "$mode" = demo ]; then
    cmake --build "$build_dir" -j "$jobs" --target ocular ocular-cli
elif [ "$mode" = test ]; then
    cmake --build "$build_dir" -j "$jobs" --target ocular_package_contents
else
    cmake --build "$build_dir" -j "$jobs"
fi

case "$mode" in
build) ;;
demo)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "No display found (DISPLAY/WAYLAND_DISPLAY unset): run this from a desktop session," >&2
        echo "or use 'build/default/app/ocular-cli serve-demo' for a headless demo registry." >&2
        exit 1
    fi
    exec "$build_dir/app/ocular" --demo "$@"
    ;;
test)
    exec bash "$here/run-tests.sh" "$@"
    ;;
esac
