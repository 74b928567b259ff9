#!/usr/bin/env bash
# Run the Java client driver against BOOTSTRAP (host:port). Run build.sh first.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT="$ROOT/.peers/java"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/classes:$OUT/libs/*" GoldenDriver "$@"
