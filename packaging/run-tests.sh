#!/usr/bin/env bash
# Runs the whole suite from an already configured build (packaging/dev.sh test calls this).
# Extra arguments go to ctest, e.g. `bash packaging/run-tests.sh -R tst_registry -L integration`.
#
# Environment:
#   OCULAR_BUILD_DIR   build to test (default: build/default)
#   OCULAR_TEST_ASAN=1 also build and run the suite with AddressSanitizer + UBSan
#                      (in OCULAR_ASAN_BUILD_DIR, default build/asan)
#   OCULAR_NO_KEYRING=1 do not wrap the tests in a private D-Bus session with an unlocked
#                       gnome-keyring (the OS keychain tests then skip or fail on their own)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build_dir=${OCULAR_BUILD_DIR:-"$root/build/default"}
jobs=$(nproc 2>/dev/null || echo 2)

echo "== architecture check: core/ must not use QtGui or QtWidgets"
if grep -rnE '#include <(QtWidgets|QtGui)|#include <Q(Widget|Application|Pixmap|Icon|Color|Font|Painter|MainWindow|Image|GuiApplication)>' "$root/core"; then
    echo "core/ includes GUI headers" >&2
    exit 1
fi

echo "== required tools"
missing_tools=()
for tool in docker-registry htpasswd openssl; do
    command -v "$tool" >/dev/null || missing_tools+=("$tool")
done
if [ ${#missing_tools[@]} -gt 0 ]; then
    # The integration tests fail (never skip) without these: say why up front.
    echo "missing: ${missing_tools[*]}; run: bash packaging/install-deps.sh" >&2
    exit 1
fi

# Runs "$@" inside a throwaway D-Bus session bus with an unlocked gnome-keyring, so QtKeychain
# can reach a Secret Service headless (CI has no desktop session). Falls back to running "$@"
# directly when the tools are absent or the keyring does not come up.
with_keyring() {
    if [ "${OCULAR_NO_KEYRING:-0}" = 1 ] || ! command -v dbus-run-session >/dev/null ||
        ! command -v gnome-keyring-daemon >/dev/null; then
        "$@"
        return
    fi
    local keyring_home
    keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/ocular-keyring-XXXXXX")
    # shellcheck disable=SC2016 # expanded by the inner shell
    XDG_DATA_HOME="$keyring_home" dbus-run-session -- bash -c '
        if keyring_env=$(printf "%s" ocular-ci | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null); then
            while IFS= read -r line; do
                case "$line" in *=*) export "${line?}" ;; esac
            done <<<"$keyring_env"
            # The daemon claims its bus name a moment after --unlock returns.
            for _ in $(seq 50); do
                dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
                    grep -q "boolean true" && break
                sleep 0.1
            done
        else
            echo "note: gnome-keyring did not start; keychain tests run without it" >&2
        fi
        exec "$@"' ocular-tests "$@"
    local status=$?
    rm -rf "$keyring_home"
    return $status
}

echo "== unit, integration and GUI tests ($build_dir)"
status=0
with_keyring ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@" || status=$?

# --- ASan/UBSan hook -------------------------------------------------------------------------
# Off by default (doubles the build time). The reliability engineer owns the details below:
# which labels run, suppressions, and whether a sanitizer failure fails CI.
if [ "${OCULAR_TEST_ASAN:-0}" = 1 ]; then
    asan_dir=${OCULAR_ASAN_BUILD_DIR:-"$root/build/asan"}
    echo "== sanitizer build ($asan_dir)"
    if [ ! -f "$asan_dir/build.ninja" ]; then
        cmake -S "$root" -B "$asan_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
            -DOCULAR_BUILD_TESTS=ON -DOCULAR_SANITIZE=ON
    fi
    cmake --build "$asan_dir" -j "$jobs"
    echo "== unit, integration and GUI tests under ASan/UBSan"
    # Full unwinding on malloc: OpenSSL is built without frame pointers, so the fast unwinder
    # stops inside libcrypto and the suppressions could not tell its leaks from ours.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:fast_unwind_on_malloc=0} \
        UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan-suppressions.txt} \
        with_keyring ctest --test-dir "$asan_dir" --output-on-failure -j "$jobs" "$@" || status=$?
fi

exit $status
