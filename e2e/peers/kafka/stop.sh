#!/usr/bin/env bash
# Stop the node or nodes started by start.sh (by their recorded PIDs) and wait for them to exit.
# Honours KAFKA_STATE_DIR as start.sh does.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
PIDFILE="${KAFKA_STATE_DIR:-$ROOT/.peers/kafka}/kafka.pid"
[ -f "$PIDFILE" ] || exit 0
PIDS=()
while read -r pid; do
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then PIDS+=("$pid"); fi
done <"$PIDFILE"
if [ "${#PIDS[@]}" -gt 0 ]; then
  kill "${PIDS[@]}" 2>/dev/null || true
  for _ in $(seq 1 60); do
    alive=0
    for pid in "${PIDS[@]}"; do
      if kill -0 "$pid" 2>/dev/null; then alive=1; fi
    done
    if [ "$alive" -eq 0 ]; then break; fi
    sleep 0.5
  done
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  done
fi
rm -f "$PIDFILE"
