#!/usr/bin/env bash
# Stops every process the stack's state file names (by process group) and removes the state file.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node --import tsx scripts/stack/stop.ts "$@"
