#!/usr/bin/env bash
# The loop's result files under docs/results, printed by siam from run files (never typed):
#   loop-demo.md        `siam improve --demo` (seed 0): iterations, loop vs control, families, filters
#   loop-ci-spread.md   loop − control per tier on the CI fixture (one iteration), seeds 0–4, with mean − 2 sd
# Usage: scripts/loop-results.sh [RUNS_DIR] [demo|ci|all]
#   RUNS_DIR defaults to runs/loop-results; finished runs there are read back, not rerun. The second argument prints
#   one file only (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-runs/loop-results}
part=${2:-all}
siam=${SIAM:-.build/siam/siam}
case "$part" in demo|ci|all) ;; *) echo "error: part '$part': use demo, ci or all" >&2; exit 2 ;; esac
mkdir -p "$runs" docs/results
stamp() { echo "<!-- printed by scripts/loop-results.sh on $(date -u +%F) from $1; do not edit -->"; }

if [[ $part == demo || $part == all ]]; then
  "$siam" improve --demo --out "$runs/demo" >/dev/null
  { stamp "$runs/demo"; echo; echo '```'; echo "siam improve --demo --out $runs/demo && siam improve --out $runs/demo --tables"; echo '```'; echo
    "$siam" improve --out "$runs/demo" --tables; } > docs/results/loop-demo.md
  echo "wrote docs/results/loop-demo.md"
fi

if [[ $part == ci || $part == all ]]; then
  for seed in 0 1 2 3 4; do
    "$siam" improve --demo --demo-size ci --iterations 1 --seed "$seed" --critic rule --out "$runs/ci-$seed" >/dev/null
  done
  { stamp "$runs/ci-0…4"; echo; echo '```'; echo "siam improve spread $runs/ci-0 $runs/ci-1 $runs/ci-2 $runs/ci-3 $runs/ci-4"; echo '```'; echo
    "$siam" improve spread "$runs"/ci-{0,1,2,3,4}; } > docs/results/loop-ci-spread.md
  echo "wrote docs/results/loop-ci-spread.md"
fi
