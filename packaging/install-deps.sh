#!/usr/bin/env bash
# Installs the Debian 12 packages Ocular builds, runs and tests with (only those missing, so a
# second run does nothing and needs neither root nor the network).
# Checked against a fresh Debian 12 with --no-install-recommends (apt-get -s with an empty dpkg
# status): everything needed at run time is a Depends of something listed here, except what is
# listed explicitly for that reason: xauth (only a Recommends of xvfb, but xvfb-run needs it).
# Notes: libgl-dev is already a Depends of qt6-base-dev (listed for clarity); qt6-l10n-tools
# has lrelease/lupdate while qt6-tools-dev has the Qt6LinguistTools CMake package; libqt6svg6
# carries the SVG icon and image plugins; libqt6sql6-sqlite is the QSQLITE driver plugin the tag
# history database is opened with (a plugin: no shared-library dependency finds it); dbus pulls dbus-daemon (dbus-run-session) for the
# headless keychain tests; apache2-utils is htpasswd and openssl makes test certificates;
# desktop-file-utils and appstream validate the desktop entry and metainfo, help2man writes the
# man pages, dpkg-dev (dpkg-shlibdeps) and file let CPack compute a .deb's Depends; lld links the
# test programs three times faster than GNU ld; debootstrap makes the Debian 13 leg's chroot.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config lld
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libssl-dev qtkeychain-qt6-dev libqt6svg6 libqt6sql6-sqlite
    docker-registry apache2-utils skopeo openssl
    xvfb xauth imagemagick fonts-dejavu-core
    clang clang-tidy libclang-rt-14-dev
    dbus gnome-keyring
    desktop-file-utils appstream help2man dpkg-dev file
    debootstrap
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    if [ "$status" != "install ok installed" ]; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
