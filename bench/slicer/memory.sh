#!/usr/bin/env bash
# Slices 200 short generated recordings one after another in one JVM and prints the resident set size (RSS) at the
# start, after 20 videos and at the end, with their ratios.
# Usage: bench/slicer/memory.sh [video count]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
work=slicer-service/target/bench
mkdir -p "$work"
# Built in one reactor with the modules it depends on, so their classes come from this checkout and nothing is
# installed into the local Maven repository.
mvn -B -q -pl slicer-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="slicer-service/target/test-classes:slicer-service/target/classes:$(cat slicer-service/target/bench-classpath.txt)"
# A small heap keeps Java's own growth bounded, so a rise in RSS points at native memory held per video.
exec java -Xmx256m -cp "$cp" io.scenery.slicer.bench.MemoryBench "$work" "${1:-200}"
