# SPDX-License-Identifier: Apache-2.0
# Sourced by the bench/compare_*.sh scripts: their common set-up and the timing helpers.

# The bench folder and the repository, for the scripts that source this file.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

# side_by_side_setup NAME [BINARY]: sets `sw` (the stormwatch binary, default
# $root/build/release/stormwatch), `runs` ($RUNS, default 5), `data` ($BENCH_DIR, default
# /tmp/stormwatch-bench) and `jobs_flag` (--jobs $JOBS when set), and checks the tools.
side_by_side_setup() {
  local name=$1
  sw=${2:-$root/build/release/stormwatch}
  runs=${RUNS:-5}
  data=${BENCH_DIR:-/tmp/stormwatch-bench}
  jobs_flag=()
  if [ -n "${JOBS:-}" ]; then jobs_flag=(--jobs "$JOBS"); fi
  die() { echo "$name: $*" >&2; exit 2; }
  [ -x "$sw" ] || die "no stormwatch binary at $sw (build it: cmake --preset release && cmake --build --preset release)"
  command -v rg >/dev/null || die "ripgrep (rg) not found"
  [ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
  command -v python3 >/dev/null || die "python3 not found"
}

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

# ratio_of A B: A / B with two decimals (0 when B is 0).
ratio_of() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}
