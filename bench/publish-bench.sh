#!/usr/bin/env bash
# publish-bench.sh [N] — publishing and following a register of N actors
# (default 100,000) over HTTP on 127.0.0.1, with python3's http.server:
#   1. the first follow (everything fetched and applied),
#   2. a refresh when nothing changed (one conditional request, 304),
#   3. a refresh after a new publication (register.xml fetched again),
#   4. 1,000 simulated followers making their hourly check (followers.py).
# Everything is bounded: the server is stopped at the end (and by
# `timeout` after 30 minutes whatever happens). Run from the source folder
# after `ninja -C build`. Writes into bench/out/publish-N/.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

n=${1:-100000}
top=$(cd "$(dirname "$0")/.." && pwd)
cli=$top/build/src/cli/samverkan-cli
gen=$top/build/bench/samverkan-gen-register
out=$top/bench/out/publish-$n
port=${PORT:-18931}
rm -rf "$out"
mkdir -p "$out/site"
export SAMVERKAN_REGISTER=

now () { date +%s.%N; }
elapsed () { python3 -c "print(f'{$2 - $1:.2f}')"; }

echo "Generating and importing $n actors..."
[ -f "$top/bench/out/register-$n-s1.xml" ] || "$gen" "$n" "$top/bench/out/register-$n-s1.xml"
"$cli" init "$out/pub.db" >/dev/null
"$cli" -r "$out/pub.db" import "$top/bench/out/register-$n-s1.xml" >/dev/null
"$cli" keygen -o "$out/k.key" >/dev/null

t0=$(now)
"$cli" -r "$out/pub.db" publish --sign "$out/k.key" -o "$out/site" >/dev/null
t1=$(now)
xml_bytes=$(stat -c %s "$out/site/register.xml")
echo "publish: $(elapsed "$t0" "$t1") s, register.xml $xml_bytes bytes"

timeout 1800 python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out/site" \
  >"$out/http.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
sleep 1
url=http://127.0.0.1:$port/

"$cli" init "$out/fol.db" >/dev/null
t0=$(now)
"$cli" -r "$out/fol.db" follow --trust "$out/k.key.pub" "$url" >/dev/null
t1=$(now)
echo "first follow: $(elapsed "$t0" "$t1") s"

before=$(wc -l <"$out/http.log")
t0=$(now)
"$cli" -r "$out/fol.db" follow "$url" | head -1
t1=$(now)
echo "refresh, unchanged: $(elapsed "$t0" "$t1") s; the server's log of it:"
tail -n +"$((before + 1))" "$out/http.log"

"$cli" -r "$out/pub.db" publish --sign "$out/k.key" --valid-days 8 -o "$out/site" >/dev/null
before=$(wc -l <"$out/http.log")
t0=$(now)
"$cli" -r "$out/fol.db" follow "$url" | head -1
t1=$(now)
echo "refresh, new publication: $(elapsed "$t0" "$t1") s; the server's log of it:"
tail -n +"$((before + 1))" "$out/http.log"

python3 "$top/bench/followers.py" "$url" --followers 1000 --concurrency 20 --max-seconds 120 --full
