#!/usr/bin/env bash
# docs/results/loop-ci-configs.md: loop − control per tier on variants of the CI fixture, printed by `siam improve spread`
# from run files (never typed), to find a fixture whose gain is robust across seeds (mean − 2 sd > 0 on the seed and the
# answer-only tier). Each variant runs `siam improve --demo --demo-size ci --critic rule --seed S` with its options; a
# variant that failed on its first two seeds was not run further. The CI fixture (DemoFixture.Ci) is now t10-e20; the
# first variant, "ci", is the former one (its options spelled out).
# Usage: scripts/loop-ci-configs.sh [RUNS_DIR]   (default: runs/loop-ci-configs; finished runs there are read back)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-runs/loop-ci-configs}
siam=${SIAM:-.build/siam/siam}
mkdir -p "$runs" docs/results

# name | seeds | options | what it changes
variants=(
  "ci|0 1 2 3 4|--iterations 1 --demo-seed-set 40 --demo-pool 20 --k 8 --demo-policy-target 0 --demo-epochs 5|the former CI fixture: 40 seed programs and 20 pool questions per family and language, k = 8, weak policy 400 steps"
  "policy-1000|0 1|--iterations 1 --demo-seed-set 40 --demo-pool 20 --k 8 --demo-policy-steps 1000 --demo-policy-target 0 --demo-epochs 5|a stronger weak policy (1000 SFT steps instead of 400)"
  "pool-40-k-4|0 1 2 3 4|--iterations 1 --demo-seed-set 40 --demo-pool 40 --k 4 --demo-policy-target 0 --demo-epochs 5|twice the pool, half the samples per question (as many samples)"
  "seed-20-pool-40-k-4|0 1 2 3 4|--iterations 1 --demo-seed-set 20 --demo-pool 40 --k 4 --demo-policy-target 0 --demo-epochs 5|half the seed set, twice the pool, k = 4"
  "seed-20-pool-40-k-4-iter-2|0 1 2 3 4|--iterations 2 --demo-seed-set 20 --demo-pool 40 --k 4 --demo-policy-target 0 --demo-epochs 5|the same, two iterations (the spread reads the last)"
  "t10-e20|0 1 2 3 4|--iterations 1 --demo-seed-set 20 --demo-pool 40 --k 4 --demo-policy-target 0.1 --demo-epochs 20|half the seed set, twice the pool, k = 4; the weak policy trains until its greedy programs match 10 % of the calibration set (at most 400 steps), and each iteration trains 20 epochs instead of 5"
  "t10-e20-k8|0 4|--iterations 1 --demo-seed-set 20 --demo-pool 40 --k 8 --demo-policy-target 0.1 --demo-epochs 20|the same at k = 8 (twice the samples)"
  "t10-e40|0 1 2 3 4|--iterations 1 --demo-seed-set 20 --demo-pool 40 --k 4 --demo-policy-target 0.1 --demo-epochs 40|the same at k = 4 with 40 epochs per iteration"
)

{
  echo "<!-- printed by scripts/loop-ci-configs.sh on $(date -u +%F) from the runs under $runs; do not edit -->"
  for variant in "${variants[@]}"; do
    IFS='|' read -r name seeds options about <<< "$variant"
    dirs=()
    for seed in $seeds; do
      # shellcheck disable=SC2086 # options are words
      "$siam" improve --demo --demo-size ci --critic rule --seed "$seed" $options --out "$runs/$name/ci-$seed" >/dev/null
      dirs+=("$runs/$name/ci-$seed")
    done
    echo
    echo "### $name: $about"
    echo
    echo '```'
    echo "siam improve --demo --demo-size ci --critic rule --seed S $options --out $runs/$name/ci-S   # S = ${seeds// /, }"
    echo "siam improve spread ${dirs[*]}"
    echo '```'
    echo
    "$siam" improve spread "${dirs[@]}"
  done
} > docs/results/loop-ci-configs.md
echo "wrote docs/results/loop-ci-configs.md"
