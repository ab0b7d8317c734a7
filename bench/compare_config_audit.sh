#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Config audit side by side (docs performance.md, rows 1 and 2):
#   1. `stormwatch hunt TREE` over 2,000 generated configs beside `rg -c -F 'ip ssh port'`
#      over the same tree (a pure scan: the I/O floor). Target: <= 3x rg's wall time.
#   2. One 300,000-line IOS config. Target: < 0.5 s, peak RSS <= 2x file size + 64 MB.
# Prints each tool's median wall time over RUNS runs, the ratio and peak RSS
# (/usr/bin/time -v). Builds nothing; generates the data under /tmp if absent.
#
#   bench/compare_config_audit.sh [path/to/stormwatch]     (default build/release/stormwatch)
#   RUNS=5 COUNT=2000 BENCH_DIR=/tmp/stormwatch-bench JOBS=0 bench/compare_config_audit.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
sw=${1:-$root/build/release/stormwatch}
runs=${RUNS:-5}
count=${COUNT:-2000}
big_lines=${BIG_LINES:-300000}
data=${BENCH_DIR:-/tmp/stormwatch-bench}
tree="$data/configs-$count"
big="$data/big-ios-$big_lines.cfg"
jobs_flag=()
if [ -n "${JOBS:-}" ]; then jobs_flag=(--jobs "$JOBS"); fi

die() { echo "compare_config_audit: $*" >&2; exit 2; }
[ -x "$sw" ] || die "no stormwatch binary at $sw (build it: cmake --preset release && cmake --build --preset release)"
command -v rg >/dev/null || die "ripgrep (rg) not found"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
command -v python3 >/dev/null || die "python3 not found"

# A tree is reused only when complete: the generator writes a stamp last.
if [ ! -f "$tree/.complete" ]; then
  rm -rf "$tree"
  python3 "$here/gen_configs.py" --count "$count" --out "$tree"
  touch "$tree/.complete"
fi
[ -f "$big" ] || python3 "$here/gen_configs.py" --big-lines "$big_lines" --out "$big"

# median_wall CMD...: runs CMD `runs` times (after one warm-up that fills the page cache),
# prints "median_seconds peak_rss_kib" (RSS: the largest of the runs).
median_wall() {
  local times=() rss=0 t r log
  log=$(mktemp)
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1 || true
    t=$(awk -F': ' '/Elapsed \(wall clock\)/ {
          n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    times+=("$t")
    (( r > rss )) && rss=$r
  done
  rm -f "$log"
  printf '%s\n' "${times[@]}" | sort -g | awk -v rss="$rss" '
      { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
                           printf "%.3f %d\n", m, rss }'
}

# hyperfine gives the better median when present; /usr/bin/time still measures peak RSS.
hyperfine_median() {
  local json
  json=$(mktemp)
  hyperfine --warmup 1 --runs "$runs" --export-json "$json" -N "$*" >/dev/null 2>&1 \
    || hyperfine --warmup 1 --runs "$runs" --export-json "$json" "$*" >/dev/null
  python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
  rm -f "$json"
}

measure() {  # prints "median rss"
  local out med
  out=$(median_wall "$@")
  if command -v hyperfine >/dev/null; then
    med=$(hyperfine_median "$(printf '%q ' "$@")")
    echo "$med ${out#* }"
  else
    echo "$out"
  fi
}

tree_bytes=$(du -sb "$tree" | cut -f1)
tree_files=$(find "$tree" -type f -not -name '.*' | wc -l)
tree_lines=$(find "$tree" -type f -not -name '.*' -exec cat {} + | wc -l)
big_bytes=$(stat -c %s "$big")

echo "machine: $(nproc) cores, $(uname -sr); stormwatch: $sw; runs: $runs (median)"
echo "tree: $tree ($tree_files files, $tree_lines lines, $((tree_bytes / 1024 / 1024)) MiB)"
echo

read -r sw_med sw_rss < <(measure "$sw" hunt "$tree" "${jobs_flag[@]}" --format ndjson -o /dev/null -q)
read -r rg_med rg_rss < <(measure rg -c -F 'ip ssh port' "$tree")
ratio=$(awk -v a="$sw_med" -v b="$rg_med" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 3.0 ? "meets" : "MISSES") }')
printf '%-58s %8s s  peak RSS %7d KiB\n' "stormwatch hunt TREE --format ndjson -o /dev/null -q" \
  "$sw_med" "$sw_rss"
printf '%-58s %8s s  peak RSS %7d KiB\n' "rg -c -F 'ip ssh port' TREE" "$rg_med" "$rg_rss"
echo "ratio stormwatch / rg: ${ratio}x (target <= 3x: $verdict)"
echo

read -r big_med big_rss < <(measure "$sw" hunt "$big" "${jobs_flag[@]}" --format ndjson -o /dev/null -q)
budget_kib=$(( (2 * big_bytes) / 1024 + 64 * 1024 ))
time_verdict=$(awk -v t="$big_med" 'BEGIN { print (t < 0.5 ? "meets" : "MISSES") }')
rss_verdict=$([ "$big_rss" -le "$budget_kib" ] && echo meets || echo MISSES)
echo "one config: $big ($big_lines lines, $((big_bytes / 1024)) KiB)"
printf '%-58s %8s s  (target < 0.5 s: %s)\n' "stormwatch hunt BIG --format ndjson -o /dev/null -q" \
  "$big_med" "$time_verdict"
echo "peak RSS ${big_rss} KiB vs budget 2 x file + 64 MiB = ${budget_kib} KiB ($rss_verdict)"
