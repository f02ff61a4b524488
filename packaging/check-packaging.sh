#!/usr/bin/env bash
# Checks that Ocular installs like a desktop application (packaging/run-tests.sh runs this):
#   - the .desktop entry and the AppStream metainfo pass desktop-file-validate and
#     appstreamcli validate --no-net; icons, screenshots, ids and the Flatpak manifest agree
#     (check-metadata.py);
#   - `cpack -G DEB` packs the already built BUILD_DIR (nothing is rebuilt differently) into a
#     throwaway directory; every Depends entry, computed by dpkg-shlibdeps, must be an installed
#     package at a version that satisfies it; the package holds the programs, icons, desktop
#     file, metainfo and man page in their standard places;
#   - the package is unpacked into a throwaway root, `ocular-cli --version|--help` and
#     `ocular --version|--help` run from there (no display: QT_QPA_PLATFORM=offscreen is only a
#     safety net, neither opens a window), and the root is removed.
# Usage: bash packaging/check-packaging.sh [BUILD_DIR]   (default build/default)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build_dir=${1:-"$root/build/default"}
app_id=io.github.ocular.Ocular

missing=()
for tool in desktop-file-validate appstreamcli python3 cpack dpkg-shlibdeps dpkg-deb dpkg-query; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "missing: ${missing[*]}; run: bash packaging/install-deps.sh" >&2
    exit 1
fi
if [ ! -f "$build_dir/CPackConfig.cmake" ]; then
    echo "$build_dir/CPackConfig.cmake missing: configure and build $build_dir first" >&2
    exit 1
fi

status=0
fail() {
    echo "   FAILED: $*" >&2
    status=1
}

echo "   desktop-file-validate, appstreamcli validate --no-net"
desktop-file-validate "$here/linux/$app_id.desktop" || fail "desktop-file-validate"
# --no-net: the screenshot URLs are not fetched; check-metadata.py checks the local copies.
appstreamcli validate --no-net --explain "$here/linux/$app_id.metainfo.xml" >/dev/null ||
    { appstreamcli validate --no-net "$here/linux/$app_id.metainfo.xml" >&2 || true; fail "appstreamcli validate"; }
python3 "$here/check-metadata.py" "$here" || fail "check-metadata.py"

work=$(mktemp -d "${TMPDIR:-/tmp}/ocular-packaging-XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "   cpack -G DEB ($build_dir)"
if ! cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack"
    exit 1
fi
debs=("$work"/cpack/*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "cpack made ${#debs[@]} .deb files, expected one"
    exit 1
fi
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
echo "   $(basename "$deb"): $(du -h "$deb" | cut -f1)"

# Depends: every entry (or one of its alternatives) installed here at a satisfying version.
depends=$(dpkg-deb -f "$deb" Depends)
[ -n "$depends" ] || fail "the package has no Depends (did dpkg-shlibdeps run?)"
for lib in libqt6core6 libqt6network6 libqt6widgets6 libssl3 libqt6svg6 libqt6sql6-sqlite libqt6sql6; do
    grep -qE "(^|, )$lib( |,|$)" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
checked=0
entry_grammar='^ *([a-z0-9][a-z0-9+.-]+)(:[a-z0-9-]+)? *(\(([<>=]+) *([^)]+)\))? *$'
while IFS= read -r entry; do
    [ -n "$entry" ] || continue
    satisfied=0
    IFS='|' read -ra alternatives <<<"$entry"
    for alternative in "${alternatives[@]}"; do
        # "name[:arch] [(op version)]"
        if [[ $alternative =~ $entry_grammar ]]; then
            name=${BASH_REMATCH[1]}
            op=${BASH_REMATCH[4]}
            wanted=${BASH_REMATCH[5]}
        else
            fail "cannot read Depends entry '$alternative'"
            continue
        fi
        installed=$(dpkg-query -W -f='${Status} ${Version}\n' "$name" 2>/dev/null | sed -n 's/^install ok installed //p' | head -1)
        [ -n "$installed" ] || continue
        if [ -z "$op" ] || dpkg --compare-versions "$installed" "$op" "${wanted% }"; then
            satisfied=1
            break
        fi
    done
    [ $satisfied = 1 ] || fail "Depends entry '$entry' is not satisfied by an installed package"
    checked=$((checked + 1))
done < <(tr ',' '\n' <<<"$depends" | sed 's/^ *//')
echo "   Depends: $checked entries, all installed here"

# Contents: the standard places (GNUInstallDirs under /usr).
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
expected=(
    /usr/bin/ocular /usr/bin/ocular-cli
    "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    /usr/share/man/man1/ocular-cli.1.gz /usr/share/man/man1/ocular.1.gz
)
for size in 16 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done

# Unpack into a throwaway root and run both programs from it.
dpkg-deb -x "$deb" "$work/root"
bin="$work/root/usr/bin"
for program in ocular-cli ocular; do
    out=$(QT_QPA_PLATFORM=offscreen "$bin/$program" --version 2>&1) || fail "$program --version exited $?"
    grep -qxF "$program $version" <<<"$out" || fail "$program --version printed '$out', expected '$program $version'"
    out=$(QT_QPA_PLATFORM=offscreen "$bin/$program" --help 2>&1) || fail "$program --help exited $?"
    grep -q "Usage: .*$program" <<<"$out" || fail "$program --help printed no usage line"
done
echo "   $("$bin/ocular-cli" --version) and $(QT_QPA_PLATFORM=offscreen "$bin/ocular" --version) run from the unpacked package"
zcat "$work/root/usr/share/man/man1/ocular-cli.1.gz" | grep -q '^\.TH "\?OCULAR-CLI' ||
    fail "ocular-cli.1.gz is not a man page"
# The installed tree as a whole: metainfo, desktop file and icon found where AppStream looks.
appstreamcli validate-tree --no-net "$work/root" >"$work/validate-tree.log" 2>&1 ||
    { cat "$work/validate-tree.log" >&2; fail "appstreamcli validate-tree"; }

rm -rf "$work"
trap - EXIT
exit $status
