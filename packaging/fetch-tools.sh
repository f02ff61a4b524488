#!/usr/bin/env bash
# Fetches oras and cosign from Debian 13 ("trixie") into <build>/tools without touching the
# system's apt configuration: a private sources list, state and cache directories are used, and
# the packages are only unpacked (dpkg-deb -x), never installed. Their binaries are static Go
# programs that run on Debian 12. Usage: packaging/fetch-tools.sh [BUILD_DIR]
set -euo pipefail

build_dir=${1:-"$(cd "$(dirname "$0")/.." && pwd)/build"}
# apt reads relative Dir:: paths under /etc/apt: make the folder absolute.
mkdir -p "$build_dir"
build_dir=$(cd "$build_dir" && pwd)
tools_dir="$build_dir/tools"
work="$tools_dir/.apt"
packages=(oras cosign)

if [ -x "$tools_dir/usr/bin/oras" ] && [ -x "$tools_dir/usr/bin/cosign" ]; then
    echo "oras and cosign already in $tools_dir/usr/bin"
    exit 0
fi

# shellcheck source=debian-mirror.sh
source "$(dirname "${BASH_SOURCE[0]}")/debian-mirror.sh"
mirror=$(debian_mirror)
if [ -z "$mirror" ]; then
    echo "error: no Debian mirror found in /etc/apt sources to fetch trixie's oras and cosign from" >&2
    exit 2
fi

mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/etc/preferences.d" "$tools_dir"
echo "deb $mirror trixie main" >"$work/sources.list"
: >"$work/status"

apt_opts=(
    -o "Dir::Etc::sourcelist=$work/sources.list"
    -o "Dir::Etc::sourceparts=-"
    -o "Dir::Etc::preferencesparts=$work/etc/preferences.d"
    -o "Dir::State::Lists=$work/lists"
    -o "Dir::State::status=$work/status"
    -o "Dir::Cache::archives=$work/archives"
    -o "Dir::Cache=$work"
    -o "APT::Get::List-Cleanup=0"
    -o "Debug::NoLocking=1"
    -o "Acquire::Languages=none"
)

echo "Reading Debian trixie's package lists (private apt state in $work)..."
if ! apt-get "${apt_opts[@]}" update -qq; then
    echo "error: apt-get could not reach the trixie suite of $mirror" >&2
    exit 2
fi

cd "$work/archives"
apt-get "${apt_opts[@]}" download "${packages[@]}"
for deb in "$work"/archives/*.deb; do
    dpkg-deb -x "$deb" "$tools_dir"
done

for p in "${packages[@]}"; do
    "$tools_dir/usr/bin/$p" version >/dev/null 2>&1 || {
        echo "error: $tools_dir/usr/bin/$p does not run here" >&2
        exit 3
    }
done
echo "oras and cosign are in $tools_dir/usr/bin"
