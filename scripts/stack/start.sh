#!/usr/bin/env bash
# Starts Jaeger, the demo services and HotROD on 127.0.0.1; options are documented in start.ts.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node --import tsx scripts/stack/start.ts "$@"
