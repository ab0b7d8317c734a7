#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Config audit side by side (docs performance.md, rows 1 and 2):
#   1. `stormwatch hunt TREE` over 2,000 generated configs beside `rg -c -F 'ip ssh port'`
#      over the same tree (a pure scan: the I/O floor). Target: <= 3x rg's wall time.
#   2. One 300,000-line IOS config. Target: < 0.5 s.
#   Both runs: peak RSS <= 2x the largest input file + 64 MB.
# Prints each tool's median wall time over RUNS runs, the ratio and peak RSS
# (/usr/bin/time -v). Builds nothing; generates the data under /tmp if absent.
#
#   bench/compare_config_audit.sh [path/to/stormwatch]     (default build/release/stormwatch)
#   RUNS=5 COUNT=2000 BENCH_DIR=/tmp/stormwatch-bench JOBS=0 bench/compare_config_audit.sh
set -euo pipefail

# shellcheck source=bench/side_by_side.sh
source "$(dirname "$0")/side_by_side.sh"  # sets `here` and `root`
side_by_side_setup compare_config_audit "${1:-}"
count=${COUNT:-2000}
big_lines=${BIG_LINES:-300000}
tree="$data/configs-$count"
big="$data/big-ios-$big_lines.cfg"

# A tree is reused only when complete: the generator writes a stamp last.
if [ ! -f "$tree/.complete" ]; then
  rm -rf "$tree"
  python3 "$here/gen_configs.py" --count "$count" --out "$tree"
  touch "$tree/.complete"
fi
[ -f "$big" ] || python3 "$here/gen_configs.py" --big-lines "$big_lines" --out "$big"

tree_bytes=$(du -sb "$tree" | cut -f1)
tree_largest=$(find "$tree" -type f -not -name '.*' -printf '%s\n' | sort -n | tail -1)
tree_files=$(find "$tree" -type f -not -name '.*' | wc -l)
tree_lines=$(find "$tree" -type f -not -name '.*' -exec cat {} + | wc -l)
big_bytes=$(stat -c %s "$big")

echo "machine: $(nproc) cores, $(uname -sr); stormwatch: $sw; runs: $runs (median)"
echo "tree: $tree ($tree_files files, $tree_lines lines, $((tree_bytes / 1024 / 1024)) MiB)"
echo

read -r sw_med sw_rss < <(measure "$sw" hunt "$tree" "${jobs_flag[@]}" --format ndjson -o /dev/null -q)
read -r rg_med rg_rss < <(measure rg -c -F 'ip ssh port' "$tree")
ratio=$(ratio_of "$sw_med" "$rg_med")
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 3.0 ? "meets" : "MISSES") }')
printf '%-58s %8s s  peak RSS %7d KiB\n' "stormwatch hunt TREE --format ndjson -o /dev/null -q" \
  "$sw_med" "$sw_rss"
printf '%-58s %8s s  peak RSS %7d KiB\n' "rg -c -F 'ip ssh port' TREE" "$rg_med" "$rg_rss"
echo "ratio stormwatch / rg: ${ratio}x (target <= 3x: $verdict)"
tree_budget_kib=$(( (2 * tree_largest + 64 * 1000 * 1000) / 1024 ))
tree_rss_verdict=$([ "$sw_rss" -le "$tree_budget_kib" ] && echo meets || echo MISSES)
echo "peak RSS ${sw_rss} KiB vs budget 2 x largest file ($tree_largest B) + 64 MB = ${tree_budget_kib} KiB ($tree_rss_verdict)"
echo

read -r big_med big_rss < <(measure "$sw" hunt "$big" "${jobs_flag[@]}" --format ndjson -o /dev/null -q)
budget_kib=$(( (2 * big_bytes + 64 * 1000 * 1000) / 1024 ))
time_verdict=$(awk -v t="$big_med" 'BEGIN { print (t < 0.5 ? "meets" : "MISSES") }')
rss_verdict=$([ "$big_rss" -le "$budget_kib" ] && echo meets || echo MISSES)
echo "one config: $big ($big_lines lines, $((big_bytes / 1024)) KiB)"
printf '%-58s %8s s  (target < 0.5 s: %s)\n' "stormwatch hunt BIG --format ndjson -o /dev/null -q" \
  "$big_med" "$time_verdict"
echo "peak RSS ${big_rss} KiB vs budget 2 x file + 64 MB = ${budget_kib} KiB ($rss_verdict)"
