#!/usr/bin/env bash
# Every test suite TraceLens has, in order, with the servers they need, ending with one line:
#   N passed, N failed, N skipped
# Steps: typecheck, lint, formatting (prettier --check), unit + component tests (Jest), build,
# contract tests on dist/, the real Jaeger stack (Jaeger v2 + instrumented demo services + HotROD),
# integration tests against it, browser tests in Debian's Chromium. The stack is stopped on exit,
# whatever happens.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/test-results"
rm -rf "$OUT"
mkdir -p "$OUT" artifacts
export CI="${CI:-true}"
STARTED_STACK=0

log() { printf '\n=== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

check() { # check <name> <command...>: records {"ok": bool} for steps that are not test runners
  local name=$1
  shift
  if "$@" >"$OUT/$name.log" 2>&1; then
    echo '{"ok":true}' >"$OUT/$name.json"
    echo "ok"
  else
    echo '{"ok":false}' >"$OUT/$name.json"
    tail -40 "$OUT/$name.log"
  fi
}

cleanup() {
  if [[ $STARTED_STACK == 1 && -x scripts/stack/stop.sh ]]; then
    bash scripts/stack/stop.sh >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT INT TERM

log typecheck
check typecheck npx tsc --noEmit -p tsconfig.json

log lint
check lint npx eslint .

log "formatting (prettier --check)"
check prettier npx prettier --check .

log "unit and component tests"
npx jest --ci --maxWorkers=2 --json --outputFile="$OUT/unit.json" 2>&1 | tail -60

log build
check build npm run build

log "contract tests on dist/"
npx jest --ci -c tests/contract/jest.contract.config.js --json --outputFile="$OUT/contract.json" 2>&1 | tail -40

log "real Jaeger stack"
if bash scripts/stack/start.sh --traffic 300 >"$OUT/stack.log" 2>&1; then
  STARTED_STACK=1
  tail -15 "$OUT/stack.log"
else
  STARTED_STACK=1
  echo "the stack did not start:"
  tail -40 "$OUT/stack.log"
fi

log "integration tests against the real Jaeger"
npx jest --ci -c tests/integration/jest.integration.config.js --json --outputFile="$OUT/integration.json" 2>&1 | tail -60

log "browser tests (Chromium)"
npx playwright test 2>&1 | tail -60

cleanup
STARTED_STACK=0

log summary
node scripts/sum-results.js \
  typecheck="$OUT/typecheck.json" lint="$OUT/lint.json" prettier="$OUT/prettier.json" unit="$OUT/unit.json" build="$OUT/build.json" \
  contract="$OUT/contract.json" integration="$OUT/integration.json" browser="$OUT/browser.json"
