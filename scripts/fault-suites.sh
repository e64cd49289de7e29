#!/usr/bin/env bash
# Runs the Docker and fault suites (sandbox tests, the fault tests and the other Docker end-to-end tests) in one of two
# machine conditions, to check that no verdict depends on the machine's speed (docs/testing.md):
#   scripts/fault-suites.sh loaded   the tests on one core (taskset -c 0), and a CPU hog pinned to every core, so that
#                                    the host side and the sandbox containers both run on a slow, loaded machine
#   scripts/fault-suites.sh fast     both cores, nothing beside it, the test process at the highest priority: as fast
#                                    as this machine gets (the fault tests block their run until the fault has landed,
#                                    so a faster machine cannot finish a run before its fault)
# Needs what .ci/run brings up (engine and sandbox image); run `bash .ci/run` once first, or build as it does.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"
export SIAM_REQUIRE_DOCKER=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
filter="TestCategory=Docker|TestCategory=Faults"
projects=(tests/SIaM.Sandbox.Tests tests/SIaM.IntegrationTests)
for project in "${projects[@]}"; do dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly; done

case "$mode" in
  loaded)
    hogs=()
    for core in $(seq 0 $(($(nproc) - 1))); do
      taskset -c "$core" bash -c 'while :; do :; done' &
      hogs+=($!)
    done
    trap 'kill "${hogs[@]}" 2>/dev/null || true' EXIT
    for project in "${projects[@]}"; do
      taskset -c 0 dotnet test "$project" -c Release --no-build --filter "$filter"
    done
    ;;
  fast)
    for project in "${projects[@]}"; do
      nice -n -10 dotnet test "$project" -c Release --no-build --filter "$filter"
    done
    ;;
  *)
    echo "usage: scripts/fault-suites.sh loaded|fast" >&2
    exit 2
    ;;
esac
