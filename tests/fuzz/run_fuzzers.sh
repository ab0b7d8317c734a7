#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every built fuzz target for SECONDS each (default 60), seeded from the repository's
# example and golden inputs plus any extra seed folders given after the build dir. Corpora
# and crash artifacts go under $FUZZ_WORK (default /tmp/stormwatch-fuzz), never into git.
#
#   tests/fuzz/run_fuzzers.sh build/fuzz 60 [EXTRA_CONFIG_SEED_DIR...]
#   FUZZ_ONLY='hunt_config indicators' tests/fuzz/run_fuzzers.sh build/fuzz 300
#   FUZZ_FLAGS="-fork=1 -ignore_timeouts=1 -ignore_ooms=1" ...   keep going past known hangs
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build/fuzz}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : $# ))
work=${FUZZ_WORK:-/tmp/stormwatch-fuzz}
bin="$build/tests/fuzz"

# Seeds per input kind: configs for parsers and the hunt path, CSVs and lists for the
# indicator loader, YAML for the policy and rule parsers.
mkdir -p "$work/seeds/config" "$work/seeds/intel" "$work/seeds/policy" "$work/seeds/rules"
cp "$root"/examples/lab/*.c* "$work/seeds/config/"
for input in "$root"/tests/golden/hunt/*/input/*; do
  [ -f "$input" ] || continue
  case_name=$(basename "$(dirname "$(dirname "$input")")")
  cp "$input" "$work/seeds/config/${case_name}_$(basename "$input")"
done
for extra in "$@"; do cp "$extra"/* "$work/seeds/config/" 2>/dev/null || true; done
cp "$root"/rules/intel/*.csv "$work/seeds/intel/"
cp "$root"/examples/*.yaml "$work/seeds/policy/" 2>/dev/null || true
for policy in "$root"/tests/golden/hunt/*/policy.yaml; do
  [ -f "$policy" ] || continue
  cp "$policy" "$work/seeds/policy/$(basename "$(dirname "$policy")").yaml"
done
cp "$root"/rules/config/*.yml "$work/seeds/rules/" 2>/dev/null || true

seeds_for() {
  case "$1" in
    indicators) echo "$work/seeds/intel" ;;
    site_policy) echo "$work/seeds/policy" ;;
    pattern_rules) echo "$work/seeds/rules" ;;
    *) echo "$work/seeds/config" ;;
  esac
}

status=0
for fuzzer in "$bin"/stormwatch_fuzz_*; do
  [ -x "$fuzzer" ] || continue
  name=${fuzzer##*/stormwatch_fuzz_}
  # FUZZ_ONLY: space-separated target names (without the stormwatch_fuzz_ prefix).
  if [ -n "${FUZZ_ONLY:-}" ] && [[ " $FUZZ_ONLY " != *" $name "* ]]; then continue; fi
  corpus="$work/corpus/$name"
  artifacts="$work/artifacts/$name/"
  mkdir -p "$corpus" "$artifacts"
  echo "== $name (${seconds}s)"
  # shellcheck disable=SC2086  # FUZZ_FLAGS is a list of flags
  if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts" ${FUZZ_FLAGS:-} "$corpus" "$(seeds_for "$name")" \
      >"$work/$name.log" 2>&1; then
    echo "   FAILED: see $work/$name.log and $artifacts"
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^Done |^#[0-9]+: cov: .*exec/s' \
    "$work/$name.log" | tail -3 || true
done
exit $status
