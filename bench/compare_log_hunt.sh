#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Log hunt side by side (docs performance.md, row 3): `stormwatch hunt LOG` with the built-in
# intel over one generated syslog file, beside `rg -c -F -f KEYWORDS LOG`, where KEYWORDS are
# the built-in pack's own values: the grep a defender would run for the same indicators.
# Prints each tool's median wall time over RUNS runs, the ratio and peak RSS.
# Row 3's target (<= 2x rg) is for every built-in rule plus the SigmaHQ tree; until log
# rules and Sigma exist this measures the indicator hunt alone.
#
#   bench/compare_log_hunt.sh [path/to/stormwatch]     (default build/release/stormwatch)
#   RUNS=5 LOG_MIB=1024 BENCH_DIR=/tmp/stormwatch-bench JOBS=1 bench/compare_log_hunt.sh
set -euo pipefail

# shellcheck source=bench/side_by_side.sh
source "$(dirname "$0")/side_by_side.sh"  # sets `here` and `root`
side_by_side_setup compare_log_hunt "${1:-}"
mib=${LOG_MIB:-256}
log="$data/syslog-${mib}mib.log"
keywords="$data/salt-typhoon-keywords.txt"

[ -f "$log" ] || python3 "$here/gen_syslog.py" --mib "$mib" --out "$log"
mkdir -p "$data"
tail -n +2 "$root/rules/intel/salt-typhoon-indicators.csv" | cut -d, -f1 | sort -u >"$keywords"

log_bytes=$(stat -c %s "$log")
echo "machine: $(nproc) cores, $(uname -sr); stormwatch: $sw; runs: $runs (median)"
echo "log: $log ($((log_bytes / 1024 / 1024)) MiB, $(wc -l <"$log") lines); keywords: $(wc -l <"$keywords")"
echo

read -r sw_med sw_rss < <(measure "$sw" hunt "$log" "${jobs_flag[@]}" --format ndjson -o /dev/null -q)
read -r rg_med rg_rss < <(measure rg -c -F -f "$keywords" "$log")
ratio=$(ratio_of "$sw_med" "$rg_med")
rate=$(awk -v s="$sw_med" -v b="$log_bytes" 'BEGIN { printf "%.0f", (s > 0 ? b / s / 1e6 : 0) }')
printf '%-58s %8s s  peak RSS %7d KiB  (%s MB/s)\n' \
  "stormwatch hunt LOG --format ndjson -o /dev/null -q" "$sw_med" "$sw_rss" "$rate"
printf '%-58s %8s s  peak RSS %7d KiB\n' "rg -c -F -f KEYWORDS LOG" "$rg_med" "$rg_rss"
echo "ratio stormwatch / rg: ${ratio}x"
