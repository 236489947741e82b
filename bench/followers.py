#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""followers.py URL [--followers N] [--concurrency C] [--max-seconds S]

N simulated followers each make the hourly check of a published register:
one conditional GET of URL/register.json (If-Modified-Since, as the app
sends it), counting every byte on the wire. Bounded: N requests at most,
S seconds at most (default 1000 and 120), then it stops by itself and
prints requests per second and bytes per check; --full also fetches what a
follower fetches once after a new publication (register.json, both
signatures, register.xml) for one follower, to size a changed day."""
import argparse
import socket
import sys
import threading
import time
import urllib.parse


def exchange(host, port, path, headers, deadline):
    """One request on its own connection; (status, bytes sent, bytes received)."""
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: Samverkan\r\n"
    request += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    request += "Connection: close\r\n\r\n"
    with socket.create_connection((host, port), timeout=max(1, deadline - time.time())) as s:
        s.sendall(request.encode())
        head_bytes = b""   # the head only: a body is counted, not kept
        count = 0
        while time.time() < deadline:
            chunk = s.recv(65536)
            if not chunk:
                break
            count += len(chunk)
            if len(head_bytes) < 8192:
                head_bytes += chunk[:8192]
    status = int(head_bytes.split(b" ", 2)[1]) if head_bytes else 0
    head = head_bytes.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    last_modified = None
    for line in head.split("\r\n"):
        if line.lower().startswith("last-modified:"):
            last_modified = line.split(":", 1)[1].strip()
    return status, len(request), count, last_modified


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--followers", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--max-seconds", type=float, default=120)
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.url)
    host, port, base = url.hostname, url.port or 80, url.path.rstrip("/") + "/"
    deadline = time.time() + args.max_seconds

    status, _, _, last_modified = exchange(host, port, base + "register.json", {}, deadline)
    if status != 200 or last_modified is None:
        sys.exit(f"register.json: status {status}, Last-Modified {last_modified}")

    if args.full:
        total = 0
        for name in ("register.json", "register.json.minisig", "register.xml",
                     "register.xml.minisig"):
            _, sent, got, _ = exchange(host, port, base + name, {}, deadline)
            total += sent + got
        print(f"changed: one follower fetches {total} bytes on the wire (4 requests)")

    lock = threading.Lock()
    results = {"checks": 0, "not_modified": 0, "sent": 0, "received": 0, "errors": 0}
    next_follower = iter(range(args.followers))

    def worker():
        while time.time() < deadline:
            with lock:
                if next(next_follower, None) is None:
                    return
            try:
                s, sent, got, _ = exchange(host, port, base + "register.json",
                                           {"If-Modified-Since": last_modified}, deadline)
            except OSError:
                with lock:
                    results["errors"] += 1
                continue
            with lock:
                results["checks"] += 1
                results["not_modified"] += s == 304
                results["sent"] += sent
                results["received"] += got

    start = time.time()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - start
    n = max(results["checks"], 1)
    per_check = (results["sent"] + results["received"]) / n
    print(f"followers={results['checks']} not_modified={results['not_modified']} "
          f"errors={results['errors']} seconds={elapsed:.2f} "
          f"requests_per_second={results['checks'] / elapsed:.0f}")
    print(f"bytes_per_check={per_check:.0f} (sent {results['sent'] / n:.0f}, "
          f"received {results['received'] / n:.0f})")
    print(f"bytes_per_follower_per_day_hourly_unchanged={24 * per_check:.0f}")


if __name__ == "__main__":
    main()
