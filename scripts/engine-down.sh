#!/usr/bin/env bash
# Stops the dockerd that engine-up.sh started (by the pid in its pid file), after removing SIaM sandbox containers.
# Does nothing when engine-up.sh started nothing (e.g. Docker runs as a service). Idempotent.
set -euo pipefail
PID_FILE="${SIAM_DOCKERD_PID:-/run/siam-dockerd.pid}"
if [ ! -f "$PID_FILE" ]; then
  echo "engine-down: no pid file $PID_FILE; nothing started by engine-up.sh"
  exit 0
fi
PID="$(cat "$PID_FILE")"
if kill -0 "$PID" 2>/dev/null; then
  ids="$(docker ps -aq --filter label=siam.sandbox 2>/dev/null || true)"
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1 || true
  kill -TERM "$PID"
  for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$PID" 2>/dev/null; then echo "engine-down: dockerd $PID ignored SIGTERM for 20 s; killing" >&2; kill -KILL "$PID"; fi
  echo "engine-down: dockerd $PID stopped"
else
  echo "engine-down: dockerd $PID is not running"
fi
rm -f "$PID_FILE"
