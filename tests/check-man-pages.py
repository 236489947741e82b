#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-man-pages.py CLI MAN_DIR: the manual page of samverkan-cli documents
every command its --help lists, and the pages format without a warning
(groff -ww, when groff is installed)."""
import os
import re
import shutil
import subprocess
import sys

cli, man_dir = sys.argv[1], sys.argv[2]
env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")
help_text = subprocess.run([cli, "--help"], capture_output=True, text=True, env=env, check=True).stdout
commands = []
listing = False
for line in help_text.splitlines():
    if line.startswith("Commands:"):
        listing = True
        continue
    if listing:
        match = re.match(r"^  (\S+)\s", line)
        if not match:
            break
        commands.append(match.group(1))
if len(commands) < 5:
    sys.exit(f"could not read the commands from {cli} --help:\n{help_text}")

page = open(os.path.join(man_dir, "samverkan-cli.1"), encoding="utf-8").read()
section = page.split(".SH COMMANDS", 1)[1].split("\n.SH ", 1)[0]
documented = set(name.replace("\\", "") for name in
                 re.findall(r"^\.(?:B|BR|BI)\s+\"?([a-z]+(?:\\?-[a-z]+)*)", section, re.M))
missing = [c for c in commands if c not in documented]
if missing:
    sys.exit("samverkan-cli.1 does not document: " + ", ".join(missing))
print(f"ok: {len(commands)} commands documented: {' '.join(commands)}")

groff = shutil.which("groff")
if groff is None:
    print("groff not installed: formatting not checked")
    sys.exit(0)
for name in ("samverkan-cli.1", "samverkan.1"):
    result = subprocess.run([groff, "-man", "-ww", "-z", os.path.join(man_dir, name)],
                            capture_output=True, text=True)
    if result.returncode != 0 or result.stderr.strip():
        sys.exit(f"{name}: groff says:\n{result.stderr}")
print("ok: both pages format without warnings")
