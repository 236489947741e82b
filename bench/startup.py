#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up time of Samverkan beside a bare libadwaita window, GNOME Text
Editor and GNOME Contacts, all started the same way under one X server.

Run it inside a display and a session bus, e.g.

    dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \\
        bench/startup.py --build build --runs 10

Two figures per program and run, on the monotonic clock, from just before
exec:
  visible      the window is mapped and viewable, polled every 5 ms with
               xdotool (the same for every program; resolution ~5 ms plus
               the cost of one xdotool call);
  first-frame  the first frame drawn, as Samverkan and the bare window
               report it themselves (SAMVERKAN_BENCH_FIRST_FRAME).
Samverkan is timed twice: on its first start (a new data folder: the
sample register is loaded) and on a later start (the register exists).
Prints the median, minimum and maximum of each, and the ratios.
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def visible(name):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                         capture_output=True, text=True)
    return out.returncode == 0 and out.stdout.strip() != ""


def run_once(cmd, title, env, timeout=30.0):
    t0 = time.monotonic_ns()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    shown = None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if visible(title):
            shown = (time.monotonic_ns() - t0) / 1e6
            break
        if proc.poll() is not None:
            break
        time.sleep(0.005)
    first = None
    # the first frame comes after the window is mapped: give it time to say so
    time.sleep(0.5)
    if proc.poll() is not None:
        print(f"{cmd[0]} ended by itself (status {proc.returncode})", file=sys.stderr)
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        out, _ = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
    for line in (out or "").splitlines():
        if line.startswith("first-frame "):
            first = (int(line.split()[1]) * 1000 - t0) / 1e6
    # let the X server and the bus settle between runs
    time.sleep(0.3)
    return shown, first


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def fmt(s):
    return "      n/a" if s is None else f"{s[0]:7.0f} ms (min {s[1]:.0f}, max {s[2]:.0f})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build", help="the meson build directory")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--renderer", default=None,
                        help="GSK_RENDERER for every program (e.g. cairo); default: GTK's choice")
    args = parser.parse_args()

    base = dict(os.environ)
    base.update({"GTK_A11Y": "none", "GSETTINGS_BACKEND": "memory",
                 "SAMVERKAN_BENCH_FIRST_FRAME": "1", "LANGUAGE": "en"})
    base.pop("SAMVERKAN_REGISTER", None)
    if args.renderer:
        base["GSK_RENDERER"] = args.renderer
    schemas = os.path.join(args.build, "data")
    if os.path.isfile(os.path.join(schemas, "gschemas.compiled")):
        base["GSETTINGS_SCHEMA_DIR"] = schemas

    programs = [
        ("bare libadwaita window", [os.path.join(args.build, "bench", "samverkan-bare-window")],
         "^Bare Window$", None),
        ("Samverkan, first start", [os.path.join(args.build, "src", "app", "samverkan")],
         "^Samverkan$", "fresh"),
        ("Samverkan, later start", [os.path.join(args.build, "src", "app", "samverkan")],
         "^Samverkan$", "warm"),
    ]
    if shutil.which("gnome-text-editor"):
        programs.append(("GNOME Text Editor", ["gnome-text-editor", "--ignore-session", "--new-window"],
                         "Text Editor|Untitled|New Document", None))
    if shutil.which("gnome-contacts"):
        programs.append(("GNOME Contacts", ["gnome-contacts"], "^Contacts$", None))

    warm_home = tempfile.mkdtemp(prefix="samverkan-startup-")
    results = {}
    for run in range(args.runs):
        for label, cmd, title, state in programs:
            env = dict(base)
            if state == "fresh":
                home = tempfile.mkdtemp(prefix="samverkan-startup-")
                env["XDG_DATA_HOME"] = home
            elif state == "warm":
                env["XDG_DATA_HOME"] = warm_home
            shown, first = run_once(cmd, title, env)
            if state == "fresh":
                shutil.rmtree(home, ignore_errors=True)
            results.setdefault(label, ([], []))
            results[label][0].append(shown)
            results[label][1].append(first)
        print(f"run {run + 1}/{args.runs} done", file=sys.stderr)

    renderer = args.renderer or "default"
    print(f"Start-up under Xvfb, GSK_RENDERER={renderer}, {args.runs} runs, median (min, max)")
    print(f"{'program':28} {'window visible':34} {'first frame (self-reported)'}")
    med = {}
    for label, (shown, first) in results.items():
        s, f = summary(shown), summary(first)
        med[label] = s[0] if s else None
        print(f"{label:28} {fmt(s):34} {fmt(f)}")
    bare = med.get("bare libadwaita window")
    if bare:
        print("\nRatios of the visible-window medians:")
        for label, value in med.items():
            if value and label != "bare libadwaita window":
                print(f"  {label:28} {value / bare:5.2f}× the bare window")
    for other in ("GNOME Text Editor", "GNOME Contacts"):
        for mine in ("Samverkan, first start", "Samverkan, later start"):
            if med.get(other) and med.get(mine):
                print(f"  {mine:28} {med[mine] / med[other]:5.2f}× {other}")
    shutil.rmtree(warm_home, ignore_errors=True)


if __name__ == "__main__":
    main()
