#!/usr/bin/env bash
# Compares the slicer's decode and analysis speed with `ffmpeg -an -i FILE -f null -` on a 1080p30 H.264 file.
# Usage: bench/slicer/speed.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/bench/require.sh"
require_programs ffmpeg
cd "$root"
work=slicer-service/target/bench
video="$work/speed-1080p30.mp4"
seconds=25
mkdir -p "$work"
if [ ! -s "$video" ]; then
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=$seconds" \
        -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 60 "$video"
fi
# Built in one reactor with the modules it depends on, so their classes come from this checkout and nothing is
# installed into the local Maven repository.
mvn -B -q -pl slicer-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="slicer-service/target/test-classes:slicer-service/target/classes:$(cat slicer-service/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$cp" io.scenery.slicer.bench.SpeedBench "$video" $((seconds * 30)) "$work" "${1:-3}"
