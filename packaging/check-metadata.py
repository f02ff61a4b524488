#!/usr/bin/env python3
"""Consistency checks of Ocular's desktop metadata that the validators do not make.

desktop-file-validate and appstreamcli check each file on its own; this checks that the files
agree with each other and with what is committed: one application id everywhere, PNG icons of
the size their directory claims (rendered from the SVG), screenshots the metainfo names that
exist in packaging/screenshots/ with the size it states, and a Flatpak manifest on the KDE
runtime that parses and has what flatpak-builder needs. Standard library only.

Usage: check-metadata.py PACKAGING_DIR
"""

import configparser
import json
import pathlib
import re
import struct
import sys
import xml.etree.ElementTree as ET

APP_ID = "io.github.ocular.Ocular"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
FLATPAK_RUNTIME = ("org.kde.Platform", "6.8", "org.kde.Sdk")

problems = []


def problem(message):
    problems.append(message)


def png_size(path):
    """Width and height from the IHDR chunk, which a valid PNG always has first."""
    data = path.read_bytes()[:24]
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def check_icons(root):
    icons = root / "icons" / "hicolor"
    svg = icons / "scalable" / "apps" / f"{APP_ID}.svg"
    if not svg.is_file():
        problem(f"missing scalable icon {svg}")
    else:
        view_box = ET.parse(svg).getroot().get("viewBox", "")
        if view_box.split() != ["0", "0", "256", "256"]:
            problem(f"{svg}: viewBox is '{view_box}', expected '0 0 256 256'")
    for size in PNG_SIZES:
        png = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if not png.is_file():
            problem(f"missing icon {png} (bash packaging/icons/render-pngs.sh)")
        elif png_size(png) != (size, size):
            problem(f"{png}: is {png_size(png)}, expected {size}x{size}")


def check_desktop(root):
    path = root / "linux" / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"] if entry.has_section("Desktop Entry") else {}
    if section.get("Icon") != APP_ID:
        problem(f"{path}: Icon should be {APP_ID}")
    if section.get("Exec", "").split()[:1] != ["ocular"]:
        problem(f"{path}: Exec should start the ocular program")


def check_metainfo(root):
    path = root / "linux" / f"{APP_ID}.metainfo.xml"
    component = ET.parse(path).getroot()
    if component.findtext("id") != APP_ID:
        problem(f"{path}: <id> should be {APP_ID}")
    if component.findtext("launchable") != f"{APP_ID}.desktop":
        problem(f"{path}: <launchable> should be {APP_ID}.desktop")
    if component.find("content_rating") is None:
        problem(f"{path}: no <content_rating>")
    if not component.findall("releases/release"):
        problem(f"{path}: no <release>")
    images = component.findall("screenshots/screenshot/image")
    if not images:
        problem(f"{path}: no screenshots")
    for image in images:
        name = (image.text or "").strip().rsplit("/", 1)[-1]
        local = root / "screenshots" / name
        if not local.is_file():
            problem(f"{path}: screenshot {name} is not in packaging/screenshots/")
            continue
        stated = (int(image.get("width", 0)), int(image.get("height", 0)))
        if png_size(local) != stated:
            problem(f"{path}: {name} is {png_size(local)}, the metainfo says {stated}")


def check_flatpak(root):
    path = root / "flatpak" / f"{APP_ID}.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        problem(f"{path}: {error}")
        return
    for key in ("id", "runtime", "runtime-version", "sdk", "command", "finish-args", "modules"):
        if key not in manifest:
            problem(f"{path}: no '{key}'")
    if manifest.get("id") != APP_ID:
        problem(f"{path}: id should be {APP_ID}")
    runtime = (manifest.get("runtime"), manifest.get("runtime-version"), manifest.get("sdk"))
    if runtime != FLATPAK_RUNTIME:
        problem(f"{path}: runtime is {runtime}, expected {FLATPAK_RUNTIME}")
    if manifest.get("command") != "ocular":
        problem(f"{path}: command should be ocular")
    modules = manifest.get("modules") or []
    for module in modules:
        if not isinstance(module, dict) or not module.get("name") or not module.get("sources"):
            problem(f"{path}: every module needs a name and sources: {module!r}")
            continue
        for source in module["sources"]:
            if source.get("type") not in ("archive", "git", "dir", "file", "patch"):
                problem(f"{path}: module {module['name']}: unexpected source {source!r}")
            if source.get("type") == "archive" and not re.fullmatch(
                r"[0-9a-f]{64}", source.get("sha256", "")
            ):
                problem(f"{path}: module {module['name']}: archive without sha256")
    if not modules or modules[-1].get("name") != "ocular":
        problem(f"{path}: the last module should build ocular")


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    for check in (check_icons, check_desktop, check_metainfo, check_flatpak):
        try:
            check(root)
        except (OSError, ET.ParseError, configparser.Error) as error:
            problem(f"{check.__name__}: {error}")
    for message in problems:
        print(f"   {message}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
