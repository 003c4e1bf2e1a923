#!/usr/bin/env bash
# Builds the real Jaeger v2 binary (and HotROD) from the Go module with the machine's Go toolchain.
# Results are cached outside the repo, keyed by version, so CI and `npm start` rebuild only when the
# cache is missing.
set -euo pipefail
JAEGER_VERSION="${JAEGER_VERSION:-v1.76.0}"
CACHE="${TRACELENS_CACHE:-$HOME/.cache/tracelens}"
OUT="$CACHE/jaeger-$JAEGER_VERSION"
export GOPATH="${GOPATH:-$CACHE/gopath}"
export GOMODCACHE="${GOMODCACHE:-$CACHE/gomodcache}"
export GOCACHE="${GOCACHE:-$CACHE/gobuild}"
export GOFLAGS="${GOFLAGS:--mod=mod}"
export GOTOOLCHAIN=local
if [[ -x "$OUT/jaeger" && -x "$OUT/hotrod" ]]; then
  echo "$OUT"
  exit 0
fi
mkdir -p "$OUT/tools"
cd "$OUT/tools"
if [[ ! -f go.mod ]]; then
  go mod init tracelens.local/jaegertools >&2
fi
go get -tool "github.com/jaegertracing/jaeger/cmd/jaeger@$JAEGER_VERSION" >&2
go get -tool "github.com/jaegertracing/jaeger/examples/hotrod@$JAEGER_VERSION" >&2
go build -trimpath -o "$OUT/jaeger.tmp" github.com/jaegertracing/jaeger/cmd/jaeger >&2
mv "$OUT/jaeger.tmp" "$OUT/jaeger"
go build -trimpath -o "$OUT/hotrod.tmp" github.com/jaegertracing/jaeger/examples/hotrod >&2
mv "$OUT/hotrod.tmp" "$OUT/hotrod"
echo "$OUT"
