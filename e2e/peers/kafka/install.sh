#!/usr/bin/env bash
# Resolve the Kafka broker jars (see pom.xml) into .peers/kafka/libs.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
LIBS="$ROOT/.peers/kafka/libs"
if [ -f "$LIBS/.complete" ]; then exit 0; fi
rm -rf "$LIBS"
mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" -Dmaven.repo.local="$ROOT/.peers/m2" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS"
touch "$LIBS/.complete"
