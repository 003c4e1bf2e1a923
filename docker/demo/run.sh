#!/usr/bin/env bash
# The demo container: the five instrumented services and a bounded traffic generator. Service logs
# (JSON lines with trace_id) land in $TRACELENS_STATE_DIR/logs, a volume the OTel Collector ships
# to Loki.
set -euo pipefail
export TRACELENS_DEMO_CONFIG=/app/docker/demo/demo-config.docker.json
export TRACELENS_STATE_DIR=/var/lib/tracelens
mkdir -p "$TRACELENS_STATE_DIR/logs"
pids=()
for service in database user-service auth-service api-gateway frontend; do
  npx tsx demo/services/main.ts "$service" &
  pids+=($!)
  sleep 1
done
trap 'kill "${pids[@]}" 2>/dev/null; wait' TERM INT
# Bounded batches with pauses: steady, modest traffic for as long as the stack runs.
while true; do
  npx tsx demo/traffic.ts --requests "${TRAFFIC_REQUESTS:-1000}" --concurrency 2 --max-duration-ms 3600000 || true
  sleep 60
done
