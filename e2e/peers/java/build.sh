#!/usr/bin/env bash
# Resolve kafka-clients (see pom.xml) into .peers/java/libs and compile the driver.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT="$ROOT/.peers/java"
if [ ! -f "$OUT/libs/.complete" ]; then
  rm -rf "$OUT/libs"
  mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" -Dmaven.repo.local="$ROOT/.peers/m2" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$OUT/libs"
  touch "$OUT/libs/.complete"
fi
rm -rf "$OUT/classes"
mkdir -p "$OUT/classes"
javac -Xlint:all -Werror -cp "$OUT/libs/*" -d "$OUT/classes" "$HERE"/src/*.java
