#!/usr/bin/env bash
# Fetches the real Zipkin server (io.zipkin:zipkin-server, classifier exec) from Maven Central into
# the cache outside the repo, checks it against the .sha1 Maven Central publishes for it, and prints
# the jar's path. A cached jar is re-checked against its stored checksum on every call and fetched
# again when it is missing or does not match, so a truncated download never starts.
set -euo pipefail
ZIPKIN_VERSION="${ZIPKIN_VERSION:-3.5.1}"
CACHE="${TRACELENS_CACHE:-$HOME/.cache/tracelens}"
OUT="$CACHE/zipkin-$ZIPKIN_VERSION"
JAR="$OUT/zipkin-server-$ZIPKIN_VERSION-exec.jar"
BASE="${MAVEN_CENTRAL:-https://repo1.maven.org/maven2}/io/zipkin/zipkin-server/$ZIPKIN_VERSION"

sha1_of() { sha1sum "$1" | cut -d' ' -f1; }

if [[ -f "$JAR" && -f "$JAR.sha1" && "$(sha1_of "$JAR")" == "$(cut -c1-40 "$JAR.sha1")" ]]; then
  echo "$JAR"
  exit 0
fi
mkdir -p "$OUT"
echo "fetching zipkin-server $ZIPKIN_VERSION (exec jar, ~130 MB) from Maven Central" >&2
curl -fsSL --retry 3 -o "$JAR.sha1.tmp" "$BASE/zipkin-server-$ZIPKIN_VERSION-exec.jar.sha1"
curl -fsSL --retry 3 -o "$JAR.tmp" "$BASE/zipkin-server-$ZIPKIN_VERSION-exec.jar"
want=$(cut -c1-40 "$JAR.sha1.tmp")
got=$(sha1_of "$JAR.tmp")
if [[ "$want" != "$got" ]]; then
  rm -f "$JAR.tmp" "$JAR.sha1.tmp"
  echo "zipkin-server-$ZIPKIN_VERSION-exec.jar: SHA-1 $got does not match Maven Central's $want" >&2
  exit 1
fi
mv "$JAR.sha1.tmp" "$JAR.sha1"
mv "$JAR.tmp" "$JAR"
echo "$JAR"
