#!/usr/bin/env bash
# The demo critic across seeds: trains `siam critic demo` for each seed and prints one Markdown row per seed with the
# held-out accuracy of the critic, the rule filter and the trivial baseline (compare the two numbers), from the
# command's own table. Usage: scripts/critic-spread.sh [SIZE] [SEEDS…]   (default: ci 0 1 2 3 4)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-ci}; [ $# -gt 0 ] && shift
seeds=("$@"); [ ${#seeds[@]} -eq 0 ] && seeds=(0 1 2 3 4)
siam=${SIAM:-.build/siam/siam}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
accuracy() { grep -F "| $1" "$2" | awk -F'|' '{gsub(/ /, "", $4); printf "%.1f %%", $4 * 100}'; }
cases() { grep -F "| critic (P(YES)" "$1" | awk -F'|' '{gsub(/ /, "", $3); print $3}'; }
echo "| size | seed | held-out cases | critic | rule filter | trivial baseline (compare the two numbers) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for seed in "${seeds[@]}"; do
  "$siam" critic demo --size "$size" --seed "$seed" --out "$work/$seed" > "$work/$seed.md" 2> "$work/$seed.log" \
    || { cat "$work/$seed.log" >&2; exit 1; }
  echo "| $size | $seed | $(cases "$work/$seed.md") | $(accuracy "critic (P(YES)" "$work/$seed.md") | $(accuracy "rule filter" "$work/$seed.md") | $(accuracy "trivial baseline" "$work/$seed.md") |"
done
