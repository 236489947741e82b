#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifests offline (there is no Flathub here to build
them): what flatpak-builder would parse, the meson project's app id and
command, every finish-arg on the list below with its reason and a comment
in the manifest saying why, every module pinned (archive + sha256, or git
commit), the app's own source pinned in the release manifest, the -D
options the app is built with known to meson, and a module for every
library meson links that the GNOME runtime does not ship.

usage: check-manifest.py SOURCE_ROOT APP_ID COMMAND MANIFEST…"""
import json
import os
import re
import subprocess
import sys

# Each permission the app may have, and why. Anything else is refused.
ALLOWED_FINISH_ARGS = {
    "--socket=wayland": "the window",
    "--socket=fallback-x11": "the window on an X11 session",
    "--share=ipc": "X11 shared memory, needed by fallback-x11",
    "--device=dri": "GPU rendering",
    "--share=network": "following a published register over HTTPS",
    "--filesystem=xdg-documents/Samverkan:create":
        "registers outside the app's folder: SQLite needs a real folder for -wal, -shm and "
        ".backups, which the document portal (single files) cannot give",
}

# Libraries the GNOME runtime (org.gnome.Platform) ships; anything else meson
# links needs a module of its own, named as MODULE_FOR says.
RUNTIME = {
    "glib-2.0", "gio-2.0", "gobject-2.0", "gtk4", "libadwaita-1", "sqlite3", "libxml-2.0",
    "json-glib-1.0", "cairo", "pangocairo", "pango", "m", "libsoup-3.0", "hunspell",
    "gdk-pixbuf-2.0", "libgsf-1", "nettle",
    # part of GLib, and the C library's (the fault-injection test library links it)
    "gio-unix-2.0", "dl",
}
MODULE_FOR = {
    "libqrencode": "qrencode",
    "phonenumber": "libphonenumber",
    "libsodium": "libsodium",
    "libstemmer": "libstemmer",
    "stemmer": "libstemmer",
}
# What a module needs that meson does not name.
MODULE_NEEDS = {"libphonenumber": ["protobuf"]}
# Data a library from the runtime needs that the runtime does not ship.
RUNTIME_DATA = {"hunspell": "hunspell-sv"}


def strip_comments(text):
    """Drops /* */ comments outside strings, as json-glib (flatpak-builder's
    parser) does; returns the text and the set of line numbers a comment ends on."""
    out, ends, i, line = [], set(), 0, 1
    in_string = False
    while i < len(text):
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\":
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif text.startswith("/*", i):
            j = text.index("*/", i) + 2
            comment = text[i:j]
            if "/" in comment[2:-2]:
                raise ValueError(f"line {line}: json-glib, which flatpak-builder parses "
                                 "manifests with, fails on a / inside a comment")
            line += comment.count("\n")
            out.append("\n" * comment.count("\n"))
            ends.add(line)
            i = j
            continue
        else:
            out.append(c)
        if c == "\n":
            line += 1
        i += 1
    return "".join(out), ends


def meson_libraries(root):
    names = set()
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith((".", "build", "_build"))]
        if "meson.build" in files:
            with open(os.path.join(folder, "meson.build")) as f:
                text = f.read()
            names.update(re.findall(r"\bdependency\(\s*'([^']+)'", text))
            names.update(re.findall(r"\bfind_library\(\s*'([^']+)'", text))
    return names


def meson_options(root):
    with open(os.path.join(root, "meson_options.txt")) as f:
        return set(re.findall(r"option\(\s*'([^']+)'", f.read()))


def check_source(where, source, allow_dir, root, problems):
    kind = source.get("type")
    if kind == "archive":
        if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            problems.append(f"{where}: an archive needs its sha256")
        if not source.get("url", "").startswith("https://"):
            problems.append(f"{where}: fetch archives over https")
    elif kind == "git":
        commit = source.get("commit", "")
        if not re.fullmatch(r"[0-9a-f]{40}", commit):
            problems.append(f"{where}: a git source needs a full commit id")
        elif os.path.isdir(os.path.join(root, ".git")) and source.get("url", "").endswith(
                "samverkan.git") and subprocess.run(
                    ["git", "-C", root, "cat-file", "-e", commit + "^{commit}"],
                    capture_output=True).returncode != 0:
            problems.append(f"{where}: commit {commit} is not in this repository")
    elif kind == "dir" and allow_dir:
        pass
    else:
        problems.append(f"{where}: source of type {kind!r} is not pinned")


def check(path, root, app_id, command):
    problems = []
    raw = open(path).read()
    try:
        text, comment_lines = strip_comments(raw)
        manifest = json.loads(text)
    except (ValueError, json.JSONDecodeError) as e:
        return [f"not a manifest flatpak-builder reads: {e}"]
    devel = manifest.get("id") == app_id + ".Devel"
    if manifest.get("id") != app_id and not devel:
        problems.append(f"id is {manifest.get('id')!r}, meson says {app_id!r}")
    if manifest.get("command") != command:
        problems.append(f"command is {manifest.get('command')!r}, expected {command!r}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("the runtime should be the GNOME runtime and SDK")
    version = str(manifest.get("runtime-version", ""))
    if not (version.isdigit() and int(version) >= 48) and not (devel and version == "master"):
        problems.append(f"runtime-version {version!r} is old: use a current GNOME runtime")

    lines = text.split("\n")
    for arg in manifest.get("finish-args", []):
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append(f"finish-arg {arg} is not on the list of permissions with a reason")
        where = next((n + 1 for n, l in enumerate(lines) if f'"{arg}"' in l), None)
        if where is not None and where - 1 not in comment_lines:
            problems.append(f"finish-arg {arg} has no comment above it saying why")

    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    names = [m.get("name") for m in modules]
    own = [m for m in modules if m.get("name") == "samverkan"]
    if not own or modules[-1] is not own[-1]:
        problems.append("the samverkan module must be there, and last")
        return problems
    app = own[-1]
    if app.get("buildsystem") != "meson":
        problems.append("the samverkan module must build with meson")
    for m in modules:
        for s in m.get("sources", []):
            check_source(f"module {m.get('name')}", s, devel and m is app, root, problems)
    options = meson_options(root)
    opts = app.get("config-opts", [])
    for opt in opts:
        name = re.match(r"-D([^=]+)=", opt)
        if name and name.group(1) not in options and name.group(1) not in ("buildtype",):
            problems.append(f"-D{name.group(1)} is not a meson option (meson_options.txt)")
    if devel and "-Dprofile=development" not in opts:
        problems.append("the .Devel manifest must build with -Dprofile=development")
    if "qrencode" in options and "-Dqrencode=enabled" not in opts:
        problems.append("QR codes must be enabled (-Dqrencode=enabled)")

    for lib in sorted(meson_libraries(root)):
        if lib in RUNTIME_DATA and RUNTIME_DATA[lib] not in names:
            problems.append(f"meson links {lib!r}, whose data needs a module {RUNTIME_DATA[lib]!r}")
        if lib in RUNTIME:
            continue
        module = MODULE_FOR.get(lib)
        if module is None:
            problems.append(f"meson links {lib!r}: add a module for it, or list it in "
                            "check-manifest.py as shipped by the GNOME runtime")
        elif module not in names:
            problems.append(f"meson links {lib!r} but there is no module {module!r}")
        else:
            for need in MODULE_NEEDS.get(module, []):
                if need not in names or names.index(need) > names.index(module):
                    problems.append(f"module {module!r} needs {need!r} built before it")
    return problems


def self_test(root, app_id, command, manifest):
    """Each way a manifest can go wrong is caught: the checks can fail."""
    import tempfile
    good = open(manifest).read()
    bad = {
        "unpinned module": good.replace('"sha256": "e455', '"sha25": "e455'),
        "home folder": good.replace('"--device=dri"', '"--filesystem=home"'),
        "no reason": good.replace("    /* GPU rendering", "    /* GPU rendering */ \"x\": 1, /*"),
        "old runtime": good.replace('"runtime-version": "50"', '"runtime-version": "43"'),
        "missing module": good.replace('"name": "qrencode"', '"name": "qr"'),
        "slash in comment": good.replace("(sam-phone-plan.cc)", "(src/core)"),
        "unknown option": good.replace('"-Dqrencode=enabled"', '"-Dqr=enabled"'),
    }
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for what, text in bad.items():
            path = os.path.join(tmp, "m.json")
            with open(path, "w") as f:
                f.write(text)
            if text == good or not check(path, root, app_id, command):
                print(f"self-test: a manifest with {what} passed", file=sys.stderr)
                failed = True
    return failed


def main():
    if sys.argv[1] == "--self-test":
        sys.exit(1 if self_test(*sys.argv[2:6]) else 0)
    root, app_id, command, *manifests = sys.argv[1:]
    failed = False
    for path in manifests:
        for p in check(path, root, app_id, command):
            print(f"{path}: {p}", file=sys.stderr)
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
