#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest offline (there is no Flathub here to build
it): valid JSON, the meson project's app id and command, a meson module for
the project itself, and no home folder access (file choosers and printing go through
portals; the network is there to follow registers published over HTTPS)."""
import json
import sys

manifest_path, app_id, command = sys.argv[1:4]
with open(manifest_path) as f:
    manifest = json.load(f)

problems = []
if manifest.get("id") != app_id:
    problems.append(f"id is {manifest.get('id')!r}, meson says {app_id!r}")
if manifest.get("command") != command:
    problems.append(f"command is {manifest.get('command')!r}, expected {command!r}")
for key in ("runtime", "runtime-version", "sdk"):
    if key not in manifest:
        problems.append(f"{key} is missing")
if not manifest.get("runtime", "").startswith("org.gnome."):
    problems.append("the runtime should be the GNOME runtime")
args = manifest.get("finish-args", [])
# the network is for following registers published over HTTPS; files still go through portals
for forbidden in ("--filesystem=home", "--filesystem=host"):
    if forbidden in args:
        problems.append(f"{forbidden} is not needed: portals give file and print access")
modules = manifest.get("modules", [])
own = [m for m in modules if isinstance(m, dict) and m.get("name") == "samverkan"]
if not own:
    problems.append("no module named samverkan")
elif own[-1].get("buildsystem") != "meson":
    problems.append("the samverkan module must build with meson")
elif modules[-1] is not own[-1]:
    problems.append("the samverkan module must come last")

for p in problems:
    print(f"{manifest_path}: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
