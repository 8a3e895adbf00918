#!/usr/bin/env bash
# Precision, recall and F1 at IoU 0.5 of the offline detector on (a) the sample pages rendered in headless
# Chromium, boxes read from the DOM, and (b) the Android screenshots with DroidBot view trees, when present.
# Usage: bench/vlm/evaluate.sh   (from anywhere; writes work files under bench/vlm/out/, which git ignores)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
android="${SCENERY_ANDROID_SCREENSHOTS:-$root/../shared/data/screenshots/android}"

rm -rf "$out/pages" "$out/android"
python3 "$here/render_pages.py" "$root/samples/pages" "$out/pages" 1280 800
dirs=("$out/pages")
if [ -d "$android" ]; then
  python3 "$here/android_truth.py" "$android" "$out/android"
  dirs+=("$out/android")
else
  echo "No Android screenshots at $android; skipping them."
fi

cd "$root"
mvn -B -q -pl vlm-service test-compile
mvn -B -q -pl vlm-service dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="vlm-service/target/test-classes:vlm-service/target/classes:$(cat "$out/classpath.txt")"
java -cp "$cp" io.scenery.vlm.bench.DetectorEvaluation control "$out/pages"
if [ -d "$out/android" ]; then
  java -cp "$cp" io.scenery.vlm.bench.DetectorEvaluation all "$out/android"
fi
