#!/usr/bin/env python3
# run-faults.py — I/O fault injection over every writing command.
#
# Copyright 2026 The Samverkan authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The way SQLite tests itself: each operation (import, import --merge,
# restore, export, print, init, follow, an actor update) is run with
# sam-faults.so preloaded, failing call N of write/fsync/rename/… for
# N = 1, 2, … until the operation succeeds without a fault; once with
# one failing call (EIO) and once with every call from N on failing, as
# on a full disk (ENOSPC). After each run that failed:
#   - the register passes `samverkan-cli check` as before and SQLite's
#     integrity checks (with FTS5's),
#   - it holds exactly what it held before (every row of every table),
#   - every output file is as before (an old export or PDF is kept),
#   - no other file is left in the folder, except a whole new copy in
#     REGISTER.backups (made before the change, as it should be).
# A run that succeeded although a call failed (SQLite may retry, a folder
# flush is not needed) must hold the whole change. Prints
# "N injected faults, D damaged, P partial" and fails unless D = P = 0.
#
# Usage: run-faults.py CLI FAULTS.so SOURCE_DIR [DURABILITY_TEST] [--skip REASON]
# Output is TAP.

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

MAX_N = 5000
NOW = "2026-11-25T10:00:00Z"


def tap_skip(reason):
    print("1..0 # SKIP " + reason)
    sys.exit(0)


class Runner:
    def __init__(self, cli, shim, source, writer):
        self.cli = cli
        self.shim = shim
        self.source = source
        self.writer = writer
        self.root = tempfile.mkdtemp(prefix="samverkan-faults-")
        self.env = dict(os.environ)
        for key in ("SAMVERKAN_REGISTER", "LD_PRELOAD"):
            self.env.pop(key, None)
        self.env.update({"LANGUAGE": "en", "LC_ALL": "C.UTF-8", "TZ": "UTC",
                         "SAMVERKAN_NOW": NOW, "HOME": self.root,
                         "XDG_DATA_HOME": os.path.join(self.root, "data")})
        self.injected = 0
        self.damaged = 0
        self.partial = 0
        self.runs = 0
        self.problems = []

    def run(self, argv, cwd, fault=None):
        env = dict(self.env)
        report = cwd.rstrip("/") + ".report"
        if fault is not None:
            n, errno_name, persist = fault
            env.update({"LD_PRELOAD": self.shim, "SAMVERKAN_FAULT_AT": str(n),
                        "SAMVERKAN_FAULT_ERRNO": errno_name,
                        "SAMVERKAN_FAULT_PERSIST": "1" if persist else "0",
                        "SAMVERKAN_FAULT_DIR": cwd, "SAMVERKAN_FAULT_REPORT": report})
            if os.path.exists(report):
                os.unlink(report)
        p = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
        injected = calls = 0
        if fault is not None and os.path.exists(report):
            with open(report) as f:
                calls, injected = (int(x) for x in f.read().split())
        return p.returncode, p.stdout, p.stderr, calls, injected

    def cli_run(self, args, cwd, fault=None):
        return self.run([self.cli] + args, cwd, fault)


def listing(folder):
    """Every file under @folder but SQLite's -wal and -shm, relative."""
    names = []
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames:
            if name.endswith("-wal") or name.endswith("-shm"):
                continue
            names.append(os.path.relpath(os.path.join(dirpath, name), folder))
        for name in dirnames:
            names.append(os.path.relpath(os.path.join(dirpath, name), folder) + "/")
    return sorted(names)


def dump(path):
    """Every row of every table, in a stable order; None when there is no register."""
    if not os.path.exists(path):
        return None
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        out = []
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out.append(repr(db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()))
        out.append(repr(db.execute("PRAGMA user_version").fetchall()))
        for t in tables:
            if t.startswith("sqlite_"):
                continue
            sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0] or ""
            if sql.upper().startswith("CREATE VIRTUAL TABLE"):
                continue   # its shadow tables hold its rows
            rows = db.execute('SELECT * FROM "%s"' % t.replace('"', '""')).fetchall()
            out.append(t + " " + repr(sorted(rows, key=repr)))
        return "\n".join(out)
    finally:
        db.close()


def integrity(path, scratch):
    """SQLite's and FTS5's integrity checks on a copy; a list of problems."""
    if not os.path.exists(path):
        return []
    for suffix in ("", "-wal"):
        if os.path.exists(path + suffix):
            shutil.copyfile(path + suffix, scratch + suffix)
        elif os.path.exists(scratch + suffix):
            os.unlink(scratch + suffix)
    db = sqlite3.connect(scratch)
    problems = []
    try:
        result = [r[0] for r in db.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems += result
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%USING fts5%'").fetchall():
            try:
                db.execute('INSERT INTO "%s" ("%s") VALUES (\'integrity-check\')' % (name, name))
            except sqlite3.Error as e:
                problems.append("%s: %s" % (name, e))
    except sqlite3.Error as e:
        problems.append(str(e))
    finally:
        db.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(scratch + suffix):
                os.unlink(scratch + suffix)
    return problems


BACKUP_NAME = re.compile(r"^r\.sqlite\.backups/\d{8}T\d{6}Z-\d\d-[a-z]+\.sqlite$")


class Scenario:
    """An operation on a copy of the template folder @template."""

    def __init__(self, name, template, argv, register, outputs=(), whole=None):
        self.name = name
        self.template = template
        self.argv = argv            # with {dir} for the folder
        self.register = register    # the register's file name in the folder
        self.outputs = outputs      # files whose old contents must stay on failure
        self.whole = whole          # f(path) -> bool: a whole new output


def state_of(r, folder, sc, with_check):
    reg = os.path.join(folder, sc.register)
    check = (None, "")
    if with_check and os.path.exists(reg):
        rc, out, err, _, _ = r.cli_run(["--register", reg, "check"], folder)
        check = (rc, out)
    outputs = {}
    for name in sc.outputs:
        p = os.path.join(folder, name)
        outputs[name] = open(p, "rb").read() if os.path.exists(p) else None
    return {"dump": dump(reg), "check": check, "listing": listing(folder), "outputs": outputs}


def compare(r, sc, before, after, folder, label, succeeded):
    """The problems of @after against @before; a damaged register first."""
    damaged = integrity(os.path.join(folder, sc.register), folder.rstrip("/") + ".scratch.sqlite")
    if damaged:
        return "damaged", "%s: register damaged: %s" % (label, damaged[:3])
    extra = [n for n in after["listing"] if n not in before["listing"]]
    missing = [n for n in before["listing"] if n not in after["listing"]]
    temps = [n for n in extra if not (BACKUP_NAME.match(n) or n == "r.sqlite.backups/")]
    if succeeded:
        temps = [n for n in temps if n not in sc.outputs and n != sc.register]
    if temps:
        return "partial", "%s: left behind: %s" % (label, temps)
    if after["check"][0] not in (None, 0, 1):
        return "damaged", "%s: check exits %r: %s" % (label, after["check"][0], after["check"][1])
    for n in extra:
        if BACKUP_NAME.match(n) and integrity(os.path.join(folder, n), folder.rstrip("/") + ".scratch.sqlite"):
            return "damaged", "%s: the copy %s is damaged" % (label, n)
    if not succeeded:
        if after["dump"] != before["dump"]:
            return "partial", "%s: the register changed although the operation failed" % label
        for name in sc.outputs:
            if after["outputs"][name] != before["outputs"][name]:
                return "partial", "%s: %s changed although the operation failed" % (label, name)
        if [m for m in missing if not BACKUP_NAME.match(m)]:
            return "partial", "%s: files gone: %s" % (label, missing)
    else:
        if sc.whole:
            for name in sc.outputs:
                if not sc.whole(os.path.join(folder, name)):
                    return "partial", "%s: %s is not whole" % (label, name)
    return None, None


def fresh_copy(sc, folder):
    if os.path.exists(folder):
        shutil.rmtree(folder)
    shutil.copytree(sc.template, folder, symlinks=True)


def run_one(r, sc, n, errno_name, persist, folder, before):
    """One run with call @n failing; (kind of problem or None, why, injected)."""
    fresh_copy(sc, folder)
    argv = [a.replace("{dir}", folder) for a in sc.argv]
    rc, out, err, calls, injected = r.run(argv, folder, (n, errno_name, persist))
    succeeded = rc == 0
    # the same rows check the same: samverkan-cli check runs when they
    # changed, or when the operation said it succeeded
    after = state_of(r, folder, sc, False)
    if succeeded or after["dump"] != before["dump"]:
        after = state_of(r, folder, sc, True)
    label = "%s, call %d failing with %s%s (exit %d)" % (
        sc.name, n, errno_name, " and every one after" if persist else "", rc)
    if not injected:
        if succeeded:
            return None, None, False
        return "partial", "%s: failed with no fault injected: %s" % (label, err.strip()), False
    kind, why = compare(r, sc, before, after, folder, label, succeeded)
    if rc < 0:
        kind, why = "damaged", "%s: crashed: %s" % (label, err[-500:])
    elif kind is None and not succeeded and ("CRITICAL" in err or "WARNING" in err
                                              or "I/O error :" in err or "parser error :" in err):
        kind, why = "partial", "%s: said %s" % (label, err.strip()[-300:])
    return kind, why, True


def run_scenario(r, sc, errno_name, persist, stride, pool):
    """Call N failing for N = 1, 2, … (or every @stride-th) up to the
    number of calls the operation makes when nothing fails, each from a
    fresh copy of the template; the runs are independent, so two go at
    once. Returns (calls, runs with a fault)."""
    clean = os.path.join(r.root, "clean")
    fresh_copy(sc, clean)
    argv = [a.replace("{dir}", clean) for a in sc.argv]
    rc, out, err, calls, _ = r.run(argv, clean, (0, errno_name, persist))
    if rc != 0:
        r.problems.append("%s: fails with no fault: %s" % (sc.name, err.strip()))
        r.partial += 1
        return 0, 0
    local = threading.local()
    befores = {}

    def one(n):
        if not hasattr(local, "folder"):
            local.folder = os.path.join(r.root, "w-%d" % threading.get_ident())
            fresh_copy(sc, local.folder)
            befores[local.folder] = state_of(r, local.folder, sc, True)
        return run_one(r, sc, n, errno_name, persist, local.folder, befores[local.folder])

    faults = 0
    # one more than the calls: that run must succeed with nothing injected
    for kind, why, injected in pool.map(one, range(1, calls + 2, stride)):
        faults += injected
        if kind == "damaged":
            r.damaged += 1
        elif kind == "partial":
            r.partial += 1
        if kind:
            r.problems.append(why)
    r.runs += len(range(1, calls + 2, stride))
    r.injected += faults
    return calls, faults


def make_templates(r):
    """Folders to copy for each operation: a register with the sample, an
    input that changes it, a copy to restore, old output files."""
    sample = os.path.join(r.source, "data", "sample-register.xml")
    base = os.path.join(r.root, "base")
    os.makedirs(base)
    reg = os.path.join(base, "r.sqlite")

    def ok(args):
        rc, out, err, _, _ = r.cli_run(args, base)
        if rc != 0:
            raise SystemExit("Bail out! %s: %s" % (" ".join(args), err))

    shutil.copyfile(sample, os.path.join(base, "in.xml"))
    ok(["--register", reg, "import", os.path.join(base, "in.xml")])
    # theirs: two actors renamed and one new, as another agency would send
    with open(sample, encoding="utf-8") as f:
        text = f.read()
    text = text.replace(">Polisen<", ">Polisen region Nord<", 1)
    text = text.replace("revision=\"1\"", "revision=\"2\"")
    new_actor = ('<actor id="faults-new" kind="ngo" revision="1" updated="2026-11-20T00:00:00Z">'
                 '<name xml:lang="sv">Ny förening</name><name xml:lang="en">New association</name>'
                 '<areas><area code="24"/></areas></actor>\n  </actors>')
    text = text.replace("</actors>", new_actor, 1)
    with open(os.path.join(base, "theirs.xml"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(base, "out.xml"), "w") as f:
        f.write("old export\n")
    with open(os.path.join(base, "out.pdf"), "w") as f:
        f.write("old pdf\n")

    restore = os.path.join(r.root, "restore")
    shutil.copytree(base, restore)
    rc, out, err, _, _ = r.cli_run(["--register", os.path.join(restore, "r.sqlite"), "import", "--merge",
                                    "--prefer", "theirs", os.path.join(restore, "theirs.xml")], restore)
    if rc != 0:
        raise SystemExit("Bail out! merge: " + err)
    # following theirs.xml, which has changed since it was read
    follow = os.path.join(r.root, "follow")
    shutil.copytree(base, follow)
    rc, out, err, _, _ = r.cli_run(["--register", os.path.join(follow, "r.sqlite"), "follow",
                                    os.path.join(follow, "theirs.xml")], follow)
    if rc != 0:
        raise SystemExit("Bail out! follow: " + err)
    text = text.replace(">Ny förening<", ">Ny förening i Umeå<", 1)
    with open(os.path.join(follow, "theirs.xml"), "w", encoding="utf-8") as f:
        f.write(text)
    return base, restore, follow


def whole_xml(path):
    data = open(path, "rb").read()
    return data.rstrip().endswith(b"</register>")


def whole_pdf(path):
    data = open(path, "rb").read()
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def main():
    args = sys.argv[1:]
    if "--skip" in args:
        tap_skip(args[args.index("--skip") + 1])
    cli, shim, source = args[0], args[1], args[2]
    writer = args[3] if len(args) > 3 else None
    r = Runner(cli, shim, source, writer)
    try:
        base, restore, follow = make_templates(r)
        empty = os.path.join(r.root, "empty")
        os.makedirs(empty)
        shutil.copyfile(os.path.join(base, "in.xml"), os.path.join(empty, "in.xml"))
        reg = ["--register", "{dir}/r.sqlite"]
        scenarios = [
            Scenario("import", empty, [cli, "--register", "{dir}/r.sqlite", "import", "{dir}/in.xml"], "r.sqlite"),
            Scenario("init", empty, [cli, "init", "{dir}/r.sqlite"], "r.sqlite"),
            Scenario("import --merge", base, [cli] + reg + ["import", "--merge", "--prefer", "theirs",
                                                           "{dir}/theirs.xml"], "r.sqlite"),
            Scenario("restore", restore, [cli] + reg + ["restore", "1"], "r.sqlite"),
            Scenario("export", base, [cli] + reg + ["export", "{dir}/out.xml"], "r.sqlite",
                     ("out.xml",), whole_xml),
            Scenario("print", base, [cli] + reg + ["print", "--sheet", "escalation", "--path",
                                                  "trafficking-adult", "-o", "{dir}/out.pdf"], "r.sqlite",
                     ("out.pdf",), whole_pdf),
            # the followed files read again: one transaction each. (Following
            # a new file adds it, then reads it: two.)
            Scenario("follow", follow, [cli] + reg + ["follow"], "r.sqlite"),
        ]
        if writer:
            scenarios.append(Scenario("actor update", base, [writer, "--writer-update", "{dir}/r.sqlite", "1"],
                                      "r.sqlite"))
            # the other kinds of store write, one transaction each
            for op in ("delete-actor", "verify", "path-update", "delete-path"):
                scenarios.append(Scenario(op, base, [writer, "--writer-op", "{dir}/r.sqlite", op],
                                          "r.sqlite"))
        scenarios.append(Scenario("synonyms add", base, [cli] + reg + ["synonyms", "add", "kvj",
                                                                      "kvinnojour"], "r.sqlite"))
        only = os.environ.get("SAMVERKAN_FAULTS_ONLY")
        if only:
            scenarios = [sc for sc in scenarios if sc.name == only]
        # every N with one failing call; a full disk (every call from N
        # on) at about 20 places per operation, every N with
        # SAMVERKAN_FAULTS_FULL=1
        full = os.environ.get("SAMVERKAN_FAULTS_FULL") == "1"
        modes = [("EIO", False), ("ENOSPC", True)]
        print("1..%d" % (len(scenarios) * len(modes)), flush=True)
        counts = {}
        i = 0
        for sc in scenarios:
            for errno_name, persist in modes:
                i += 1
                before = (r.damaged, r.partial, len(r.problems))
                stride = 1
                if persist and not full:
                    stride = max(1, counts.get(sc.name, 0) // 20)
                with ThreadPoolExecutor(max_workers=2) as pool:
                    calls, faults = run_scenario(r, sc, errno_name, persist, stride, pool)
                counts[sc.name] = calls
                bad = (r.damaged, r.partial) != before[:2]
                print("%s %d - %s, %s%s: %d calls, %d runs with a fault" % (
                    "not ok" if bad else "ok", i, sc.name, errno_name, " from then on" if persist else "",
                    calls, faults))
                for p in r.problems[before[2]:][:5]:
                    print("# " + p)
                sys.stdout.flush()
        print("# %d runs" % r.runs)
        print("# %d injected faults, %d damaged, %d partial" % (r.injected, r.damaged, r.partial))
        return 0 if r.damaged == 0 and r.partial == 0 else 1
    finally:
        shutil.rmtree(r.root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
