#!/usr/bin/env bash
# The second build leg (issue 13): Debian 13 "trixie" with Qt 6.8 and KF6 SyntaxHighlighting.
# A trixie chroot is made once with debootstrap from the Debian archive the host already uses
# and cached under build/debian13/root (remade when the package list below changes); Ocular is
# built there with KF6 found, and the unit and GUI tests run there, among them
# tst_jsonhighlighting, which proves the JSON view is highlighted by KSyntaxHighlighting's own
# JSON definition in the palette's light or dark theme, and that the built-in highlighter used
# on Debian 12 gives the same colours.
#
# Needs root (debootstrap, chroot, a private mount namespace). When the archive cannot be
# reached this fails, loudly: it never skips.
# Usage: bash packaging/debian13-leg.sh [extra ctest arguments]
# Environment: OCULAR_DEBIAN13_DIR (default build/debian13) holds the chroot and the build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
leg_dir=${OCULAR_DEBIAN13_DIR:-"$root/build/debian13"}
chroot_dir="$leg_dir/root"
jobs=$(nproc 2>/dev/null || echo 2)
t0=$(date +%s)

# What the build and the unit and GUI tests need there (the GUI tests push to a real
# docker-registry; htpasswd and openssl make their credentials and certificates).
packages=(
    g++ cmake ninja-build pkg-config lld
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libssl-dev qtkeychain-qt6-dev
    libqt6svg6 libqt6sql6-sqlite libkf6syntaxhighlighting-dev
    docker-registry apache2-utils openssl dbus fonts-dejavu-core ca-certificates
)
stamp="$chroot_dir/.ocular-packages"

fail() {
    echo "debian13 leg FAILED: $*" >&2
    exit 1
}
elapsed() { echo "$(($(date +%s) - t0)) s"; }

[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot and mounts); run it as root"
command -v debootstrap >/dev/null || fail "debootstrap missing; run: bash packaging/install-deps.sh"
command -v unshare >/dev/null || fail "unshare (util-linux) missing"

# Runs "$@" inside the chroot, in a private mount namespace: the source tree is /src, the shared
# fixtures /shared (so tests find them at /src/../shared as they do on the host), and every
# mount disappears with the namespace, whatever happens.
in_chroot() {
    unshare --mount --propagation private -- bash -c '
        set -e
        c=$1 src=$2 shared=$3
        shift 3
        mount --rbind /dev "$c/dev"
        mount -t proc proc "$c/proc"
        mount -t tmpfs tmpfs "$c/tmp"
        mkdir -p "$c/src" "$c/shared"
        mount --bind "$src" "$c/src"
        if [ -d "$shared" ]; then
            mount --bind "$shared" "$c/shared"
            mount -o remount,bind,ro "$c/shared"
        fi
        cp /etc/resolv.conf "$c/etc/resolv.conf" 2>/dev/null || true
        exec chroot "$c" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
            LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive "$@"' \
        in-chroot "$chroot_dir" "$root" "$root/../shared" "$@"
}

echo "== Debian 13 leg: chroot ($chroot_dir)"
if [ "$(cat "$stamp" 2>/dev/null)" != "${packages[*]}" ]; then
    # shellcheck source=debian-mirror.sh
    source "$here/debian-mirror.sh"
    mirror=$(debian_mirror)
    [ -n "$mirror" ] || fail "no Debian mirror in this machine's apt sources to fetch trixie from"
    if [ ! -x "$chroot_dir/usr/bin/apt-get" ]; then
        rm -rf "$chroot_dir"
        mkdir -p "$leg_dir"
        echo "   debootstrap trixie from $mirror"
        debootstrap --variant=minbase trixie "$chroot_dir" "$mirror" >"$leg_dir/debootstrap.log" 2>&1 ||
            { tail -20 "$leg_dir/debootstrap.log" >&2; fail "debootstrap of trixie from $mirror failed (log: $leg_dir/debootstrap.log)"; }
    fi
    echo "deb $mirror trixie main" >"$chroot_dir/etc/apt/sources.list"
    echo "   installing ${#packages[@]} packages with their dependencies"
    in_chroot bash -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"' \
        apt "${packages[@]}" >"$leg_dir/apt.log" 2>&1 ||
        { tail -20 "$leg_dir/apt.log" >&2; fail "installing trixie's packages failed (log: $leg_dir/apt.log)"; }
    echo "${packages[*]}" >"$stamp"
fi
qt_version=$(in_chroot dpkg-query -W -f='${Version}' qt6-base-dev)
kf_version=$(in_chroot dpkg-query -W -f='${Version}' libkf6syntaxhighlighting-dev)
echo "   Qt $qt_version, KF6 SyntaxHighlighting $kf_version ($(elapsed))"

echo "== Debian 13 leg: build"
build=/src/build/debian13/build
# The unit and GUI tests, by name, and the programs: the integration tests run on the first leg.
targets=(ocular ocular-cli)
for t in "$root"/tests/core/tst_*.cpp "$root"/tests/ui/tst_*.cpp; do
    targets+=("$(basename "$t" .cpp)")
done
in_chroot cmake -S /src -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOCULAR_BUILD_TESTS=ON \
    >"$leg_dir/configure.log" 2>&1 || { cat "$leg_dir/configure.log" >&2; fail "configure failed"; }
grep -q "JSON highlighting: KF6 SyntaxHighlighting" "$leg_dir/configure.log" ||
    { cat "$leg_dir/configure.log" >&2; fail "KF6 SyntaxHighlighting was not found by CMake"; }
# -k 0: every compile error of this Qt version in one run, not the first.
in_chroot cmake --build "$build" -j "$jobs" --target "${targets[@]}" -- -k 0 || fail "build failed"
echo "   built ($(elapsed))"

echo "== Debian 13 leg: unit and GUI tests"
status=0
# OCULAR_EXPECT_KF6: the KF6 checks of tst_jsonhighlighting fail rather than skip here.
in_chroot env OCULAR_EXPECT_KF6=1 dbus-run-session -- ctest --test-dir "$build" --output-on-failure -j "$jobs" \
    -L 'unit|ui' -LE bench "$@" || status=$?
echo "   Debian 13 leg took $(elapsed)"
[ $status -eq 0 ] || fail "tests failed"
