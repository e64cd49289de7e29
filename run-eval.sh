#!/usr/bin/env bash
# SIaM main job. Builds what it needs, brings up the Docker sandbox, then runs `siam eval`.
#   ./run-eval.sh                       the embedded default: the oracle self-check (reference programs and equations
#                                       turned into Python, run in the sandbox, graded) on every set that carries them
#   ./run-eval.sh --model M --benchmarks B [eval options…]     any evaluation (see `siam eval --help`)
set -euo pipefail
cd "$(dirname "$0")"

if [ $# -eq 0 ]; then
  set -- --model oracle: --benchmarks gsm8k,svamp,asdiv,gsm_hard,ape210k,math23k --prompt pot
fi

# Chinese benchmark names in report plots need a CJK font (Debian's fonts-wqy-microhei); best effort as root.
if [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "== installing fonts-wqy-microhei (CJK labels in plots)" >&2
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-wqy-microhei; } >/dev/null 2>&1 || echo "warning: could not install fonts-wqy-microhei; Chinese plot labels will show boxes" >&2
fi

echo "== building siam (Release)" >&2
dotnet build src/SIaM.Cli -c Release -o .build/siam -nologo -v quiet -clp:ErrorsOnly >&2
siam=.build/siam/siam

sandbox=docker
prev=""
for arg in "$@"; do
  [ "$prev" = "--sandbox" ] && sandbox="$arg"
  case "$arg" in --sandbox=*) sandbox="${arg#--sandbox=}" ;; esac
  prev="$arg"
done
if [ "$sandbox" = docker ]; then
  echo "== sandbox: engine and image" >&2
  if ! docker version >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      bash src/SIaM.Sandbox.Docker/scripts/engine-up.sh >&2
      trap 'bash src/SIaM.Sandbox.Docker/scripts/engine-down.sh >&2 || true' EXIT
    else
      echo "error: no Docker engine is reachable (DOCKER_HOST=${DOCKER_HOST:-unix:///var/run/docker.sock}); start one, or run as root to let this script start dockerd" >&2
      exit 2
    fi
  fi
  "$siam" sandbox build-image >&2
fi

echo "== siam eval $*" >&2
"$siam" eval "$@"   # not exec: the engine this script started is stopped on exit
