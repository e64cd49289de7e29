#!/usr/bin/env bash
# Starts a Docker engine for the SIaM sandbox when none is reachable. Idempotent.
# Installs Debian's docker.io (+ containerd runc iptables debootstrap) when dockerd is missing (needs root, apt).
# dockerd is started with flags that leave the host network and firewall untouched (sandbox containers use
# network none). The pid file is /run/siam-dockerd.pid (override with SIAM_DOCKERD_PID); log: /var/log/siam-dockerd.log.
set -euo pipefail
PID_FILE="${SIAM_DOCKERD_PID:-/run/siam-dockerd.pid}"
LOG_FILE="${SIAM_DOCKERD_LOG:-/var/log/siam-dockerd.log}"
SOCK=/var/run/docker.sock

engine_ready() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if engine_ready; then
  echo "engine-up: engine already reachable ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
  exit 0
fi
if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST#unix://}" = "$DOCKER_HOST" ]; then
  echo "engine-up: DOCKER_HOST=$DOCKER_HOST is not reachable and is not a local socket; start that engine" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "engine-up: no engine is reachable and starting one needs root (run: sudo $0)" >&2
  exit 1
fi
if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  echo "engine-up: installing docker.io containerd runc iptables debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker.io containerd runc iptables debootstrap >/dev/null
fi
if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  echo "engine-up: dockerd $(cat "$PID_FILE") is running; waiting for it"
else
  rm -f "$PID_FILE" /var/run/docker.pid
  mkdir -p "$(dirname "$LOG_FILE")"
  nohup dockerd --bridge=none --iptables=false --ip-masq=false --ip-forward=false \
    --host "unix://$SOCK" >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
fi
for _ in $(seq 1 100); do
  if engine_ready; then
    echo "engine-up: dockerd $(cat "$PID_FILE") ready ($(docker version --format '{{.Server.Version}} API {{.Server.APIVersion}}'))"
    exit 0
  fi
  kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { echo "engine-up: dockerd exited; see $LOG_FILE" >&2; tail -20 "$LOG_FILE" >&2; exit 1; }
  sleep 0.2
done
echo "engine-up: dockerd did not become ready in 20 s; see $LOG_FILE" >&2
exit 1
