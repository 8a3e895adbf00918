#!/usr/bin/env bash
# Scores the slicer and FFmpeg's scene detectors against known cuts (2-frame tolerance).
# Usage: bench/slicer/accuracy.sh [-Dscenery.slicer.<key>=<value> ...] [-Dbench.scene=0.3] [-Dbench.scdet=10]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/bench/require.sh"
require_programs ffmpeg
cd "$root"
# Built in one reactor with the modules it depends on, so their classes come from this checkout and nothing is
# installed into the local Maven repository.
mvn -B -q -pl slicer-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="slicer-service/target/test-classes:slicer-service/target/classes:$(cat slicer-service/target/bench-classpath.txt)"
exec java -Xmx1g "$@" -cp "$cp" io.scenery.slicer.bench.AccuracyBench slicer-service/target/bench "$root"
