#!/usr/bin/env bash
# npm start: the TraceLens sandbox on a machine without Docker or Grafana.
#   1. builds the plugin (npm run build) when dist/ is missing or older than src/;
#   2. starts the real Jaeger, the instrumented demo services and HotROD (scripts/stack/start.sh),
#      drives traffic into them now and then again every TRAFFIC_EVERY seconds so "last hour" has data;
#   3. starts the sandbox (sandbox/server/main.ts) on 127.0.0.1:$SANDBOX_PORT and prints its URL.
# Ctrl+C stops everything this script started (a stack or sandbox that was already running is left alone).
# Environment: SANDBOX_PORT (3100), TRAFFIC (300 requests at start), TRAFFIC_EVERY (60; 0 = once),
# NO_STACK=1 to skip the stack (the sandbox then answers with the proxy's 502 for Jaeger queries).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PORT="${SANDBOX_PORT:-3100}"
TRAFFIC="${TRAFFIC:-300}"
TRAFFIC_EVERY="${TRAFFIC_EVERY:-60}"
LOG_DIR="${TMPDIR:-/tmp}/tracelens-sandbox"
mkdir -p "$LOG_DIR"

STARTED_STACK=0
SANDBOX_PID=""
TRAFFIC_PID=""

say() { printf '\033[1mtracelens:\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31mtracelens:\033[0m %s\n' "$*" >&2; exit 1; }

stop_group() { # stop_group <pid>: TERM the process group led by pid, KILL it if it lingers
  local pid=$1
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 -- "-$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
  trap - EXIT INT TERM
  [[ -n $TRAFFIC_PID ]] && stop_group "$TRAFFIC_PID"
  [[ -n $SANDBOX_PID ]] && { say "stopping the sandbox"; stop_group "$SANDBOX_PID"; }
  if [[ $STARTED_STACK == 1 ]]; then
    say "stopping the stack (Jaeger, Zipkin, demo services, HotROD)"
    bash scripts/stack/stop.sh >/dev/null 2>&1 || say "scripts/stack/stop.sh reported a problem; check ps"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v node >/dev/null || fail "node is not installed (Node 20.17+ is needed)"
[[ -d node_modules/@grafana/ui ]] || fail "node_modules is missing: run npm ci first"

sandbox_up() { curl -fsS --max-time 2 "http://127.0.0.1:$PORT/api/health" 2>/dev/null | grep -q '"commit":"sandbox"'; }

if sandbox_up; then
  say "a sandbox is already running: http://127.0.0.1:$PORT/explore (leaving it alone)"
  exit 0
fi

# 1. Build the plugin when any source file is newer than the built app module.
if [[ ! -f dist/module.js ]] || [[ -n $(find src -type f -newer dist/module.js -print -quit) ]]; then
  say "building the plugin (npm run build)"
  npm run build >"$LOG_DIR/build.log" 2>&1 || { tail -40 "$LOG_DIR/build.log" >&2; fail "the build failed (full log: $LOG_DIR/build.log)"; }
else
  say "dist/ is up to date"
fi

# 2. The real Jaeger stack.
# Evaluates a JavaScript expression over the stack's state file (`s`, as parsed) and prints its
# value; fails when there is no state file, the expression throws, or it gives nothing (false,
# undefined, null, ''). `true` prints nothing, for yes/no questions.
from_state() {
  node -e '
    const fs = require("fs");
    const file = (process.env.TRACELENS_STATE_DIR || "/tmp/tracelens-stack") + "/state.json";
    if (!fs.existsSync(file)) process.exit(1);
    const s = JSON.parse(fs.readFileSync(file, "utf8"));
    const v = new Function("s", "return (" + process.argv[1] + ");")(s);
    if (v === undefined || v === null || v === false || v === "") process.exit(1);
    if (v !== true) console.log(v);
  ' "$1" 2>/dev/null
}

jaeger_url_from_state() { from_state '`${s.jaeger.queryUrl} ${s.jaeger.samplingUrl}`'; }

# Zipkin's URL; nothing when this stack has no Zipkin (no Java, say).
zipkin_url_from_state() { from_state 's.zipkin?.url'; }

# True when the state file names a Jaeger process that is alive (whether or not it answers here).
jaeger_alive_from_state() {
  from_state '(() => { try { process.kill(s.jaeger.pid, 0); return true; } catch { return false; } })()'
}

if [[ ${NO_STACK:-0} == 1 ]]; then
  say "NO_STACK=1: not starting Jaeger"
elif [[ ! -f scripts/stack/start.sh ]]; then
  say "scripts/stack/start.sh is not in this checkout yet: starting the sandbox without Jaeger"
else
  if urls=$(jaeger_url_from_state) && curl -fsS --max-time 2 "${urls%% *}/api/services" >/dev/null 2>&1; then
    say "reusing the running Jaeger stack at ${urls%% *}"
  else
    if jaeger_alive_from_state; then
      # The state file names a live Jaeger that does not answer from here (started in another
      # network namespace, say): it is someone else's, and start.sh would only reuse it and fail.
      fail "the stack in ${TRACELENS_STATE_DIR:-/tmp/tracelens-stack} is running but its Jaeger (${urls%% *}) does not answer from here; set TRACELENS_STATE_DIR to start a stack of your own"
    fi
    say "starting Jaeger, Zipkin, the demo services and HotROD with $TRAFFIC requests of traffic (log: $LOG_DIR/stack.log)"
    STARTED_STACK=1
    if ! bash scripts/stack/start.sh --traffic "$TRAFFIC" >"$LOG_DIR/stack.log" 2>&1; then
      tail -30 "$LOG_DIR/stack.log" >&2
      fail "the Jaeger stack did not start (full log: $LOG_DIR/stack.log)"
    fi
  fi
  urls=$(jaeger_url_from_state) || fail "the stack started but wrote no state file"
  export JAEGER_URL="${urls%% *}" JAEGER_SAMPLING_URL="${urls##* }"
  # The sandbox's Zipkin data source points where this stack's Zipkin listens, not at a default.
  if zurl=$(zipkin_url_from_state); then export ZIPKIN_URL="$zurl"; fi
  if [[ $TRAFFIC_EVERY -gt 0 ]]; then
    # More traffic now and then, so the dashboard's "last hour" keeps live data.
    # Only while Jaeger answers: start.sh would otherwise start a new stack nobody stops.
    setsid bash -c "while sleep $TRAFFIC_EVERY; do
      curl -fsS --max-time 2 '$JAEGER_URL/api/services' >/dev/null 2>&1 || continue
      bash scripts/stack/start.sh --traffic 50 >>'$LOG_DIR/traffic.log' 2>&1 || true
    done" &
    TRAFFIC_PID=$!
  fi
fi

# 3. The sandbox, in its own process group so Ctrl+C here stops it and all its children.
say "starting the sandbox (log: $LOG_DIR/sandbox.log)"
SANDBOX_PORT="$PORT" setsid node --import tsx "$ROOT/sandbox/server/main.ts" >"$LOG_DIR/sandbox.log" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 1 240); do
  sandbox_up && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$LOG_DIR/sandbox.log" >&2; fail "the sandbox exited"; }
  sleep 0.5
done
sandbox_up || { tail -20 "$LOG_DIR/sandbox.log" >&2; fail "the sandbox did not answer on port $PORT"; }

say "sandbox ready: http://127.0.0.1:$PORT/explore   (dashboard: /dashboard, settings: /config)"
[[ -n ${JAEGER_URL:-} ]] && say "Jaeger UI: $JAEGER_URL"
[[ -n ${ZIPKIN_URL:-} ]] && say "Zipkin UI: $ZIPKIN_URL/zipkin/"
say "press Ctrl+C to stop"
wait "$SANDBOX_PID"
