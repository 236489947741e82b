#!/bin/sh
# bench-sqlite-shell.sh N: runs the fixed queries straight through the
# sqlite3 shell on the register file samverkan-bench made, and sets the
# per-query mean beside the mean of sam_store_search. See bench/README.md.
#
# Environment: BENCH_DIR (default: bench/out beside this script),
# SAMVERKAN_BENCH (the samverkan-bench program, run when the files of an
# earlier run are missing), SQLITE3 (default: sqlite3), ROUNDS (timed
# passes over the statements, default 20), REPEAT (timings taken, the
# fastest kept, default 3).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

usage() {
  echo "usage: $0 N   (N as given to samverkan-bench, or the name of its --xml file without .xml)" >&2
  exit 2
}
[ $# -eq 1 ] || usage
label=$1

here=$(cd "$(dirname "$0")" && pwd)
dir=${BENCH_DIR:-$here/out}
sqlite=${SQLITE3:-sqlite3}
rounds=${ROUNDS:-20}
repeat=${REPEAT:-3}
db=$dir/register-$label.sqlite
sql=$dir/queries-$label.sql
results=$dir/results-$label.txt

# results-N.txt is missing when the search of that run was stopped
# (--timeout); the shell side is still measured.
if [ ! -f "$db" ] || [ ! -f "$sql" ]; then
  bench=${SAMVERKAN_BENCH:-}
  if [ -z "$bench" ]; then
    for candidate in "$here/../build/bench/samverkan-bench" "$here/../_build/bench/samverkan-bench"; do
      if [ -x "$candidate" ]; then bench=$candidate; break; fi
    done
  fi
  if [ -z "$bench" ]; then
    echo "$0: no $db yet and no samverkan-bench to make it; run ninja -C build first" >&2
    exit 1
  fi
  echo "$0: running $bench $label first" >&2
  "$bench" --dir "$dir" "$label"
fi
command -v "$sqlite" >/dev/null || { echo "$0: $sqlite not found (apt install sqlite3)" >&2; exit 1; }

value() {
  if [ -f "$results" ]; then sed -n "s/^$1=//p" "$results"; fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

statements=$(grep -c '^SELECT' "$sql")
[ "$statements" -gt 0 ] || { echo "$0: no statements in $sql" >&2; exit 1; }

# Two scripts that differ only by $rounds passes over the statements: both
# open the file, discard the rows and run one warm-up pass, so process start,
# opening and the cold cache cancel out of the difference.
{
  echo ".output /dev/null"
  cat "$sql"
} > "$tmp/base.sql"
cp "$tmp/base.sql" "$tmp/timed.sql"
i=0
while [ "$i" -lt "$rounds" ]; do
  cat "$sql" >> "$tmp/timed.sql"
  i=$((i + 1))
done

now_ns() {
  date +%s%N
}

run_ns() {
  start=$(now_ns)
  "$sqlite" -readonly "$db" < "$1" > /dev/null
  end=$(now_ns)
  echo $((end - start))
}

best_base=
best_timed=
r=0
while [ "$r" -lt "$repeat" ]; do
  b=$(run_ns "$tmp/base.sql")
  t=$(run_ns "$tmp/timed.sql")
  if [ -z "$best_base" ] || [ "$b" -lt "$best_base" ]; then best_base=$b; fi
  if [ -z "$best_timed" ] || [ "$t" -lt "$best_timed" ]; then best_timed=$t; fi
  r=$((r + 1))
done

# Cross-check: the shell's own .timer on one pass after the warm-up; its
# user and sys times have microsecond resolution, its real time only
# milliseconds, so the CPU time is summed.
{
  echo ".output /dev/null"
  cat "$sql"
  echo ".timer on"
  cat "$sql"
} > "$tmp/timer.sql"
timer_cpu=$("$sqlite" -readonly "$db" < "$tmp/timer.sql" |
  awk '/^Run Time:/ { cpu += $6 + $8; n++ } END { if (n) printf "%.4f", cpu * 1000 / n; else print "nan" }')

store_mean=$(value search_mean_ms)
store_p95=$(value search_p95_ms)
raw_inprocess=$(value raw_inprocess_mean_ms)
actors=$(value actors)

awk -v label="$label" -v actors="$actors" -v n="$statements" -v rounds="$rounds" -v repeat="$repeat" \
    -v base="$best_base" -v timed="$best_timed" -v timer_cpu="$timer_cpu" \
    -v store="$store_mean" -v store_p95="$store_p95" -v inproc="$raw_inprocess" \
    -v version="$("$sqlite" --version | cut -d' ' -f1)" 'BEGIN {
  shell = (timed - base) / 1e6 / (n * rounds);
  printf "Raw SQLite vs. the store, register %s (%s actors)\n", label, actors == "" ? "?" : actors;
  printf "  sqlite3 shell %s, %d statements x %d passes, fastest of %d runs\n\n", version, n, rounds, repeat;
  printf "  %-44s %10s\n", "", "mean ms/query";
  printf "  %-44s %10.4f\n", "sqlite3 shell, batch wall time", shell;
  printf "  %-44s %10s\n", "sqlite3 shell, .timer user+sys", timer_cpu;
  if (store == "") {
    printf "\n  no %s: samverkan-bench did not finish its search, so there is no store figure\n", "results-" label ".txt";
    exit;
  }
  printf "  %-44s %10.4f\n", "same statement in samverkan-bench", inproc;
  printf "  %-44s %10.4f   (p95 %.4f)\n", "sam_store_search (samverkan-bench)", store, store_p95;
  if (shell > 0)
    printf "\n  store overhead over raw SQLite: %.1fx (store mean / shell mean)\n", store / shell;
}'
