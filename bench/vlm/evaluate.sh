#!/usr/bin/env bash
# Precision, recall and F1 at IoU 0.5 of the offline detector on (a) the sample pages rendered in headless
# Chromium, boxes read from the DOM, and (b) the Android screenshots with DroidBot view trees, when present.
# Hidden views under a full-screen image are left out of the Android truth (see android_truth.py). The score
# against every listed view is printed too, as "android-as-listed". The Android states are also scored in two
# halves by time stamp, android-earlier and android-later. The touch-screen rules were first tuned on the earlier
# half. Later rules were written while looking at states of both halves, so neither half is held out now.
# Usage: bench/vlm/evaluate.sh   (from anywhere; writes work files under bench/vlm/out/, which git ignores)
# Environment: SCENERY_BENCH_JAVA_OPTS adds JVM options, for example
#   "-Dscenery.bench.verbose=true -Dscenery.bench.draw=bench/vlm/out/boxes" to list detections and draw them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/bench/require.sh"
require_programs chromium python3
out="$here/out"
android="${SCENERY_ANDROID_SCREENSHOTS:-$root/../shared/data/screenshots/android}"

rm -rf "$out/pages" "$out/android" "$out/android-as-listed" "$out/android-earlier" "$out/android-later"
python3 "$here/render_pages.py" "$root/samples/pages" "$out/pages" 1280 800
dirs=("$out/pages")
if [ -d "$android" ]; then
  python3 "$here/android_truth.py" "$android" "$out/android"
  python3 "$here/android_truth.py" --as-listed "$android" "$out/android-as-listed" >/dev/null
  dirs+=("$out/android")
  mkdir -p "$out/android-earlier" "$out/android-later"
  mapfile -t states < <(cd "$out/android" && ls ./*.truth.json | sed 's|^\./||; s|\.truth\.json$||' | sort)
  half=$(( (${#states[@]} + 1) / 2 ))
  for i in "${!states[@]}"; do
    part="$out/android-later"
    [ "$i" -lt "$half" ] && part="$out/android-earlier"
    ln -s "$out/android/${states[$i]}.png" "$out/android/${states[$i]}.truth.json" "$part/"
  done
else
  echo "No Android screenshots at $android; skipping them."
fi

cd "$root"
# One reactor with the modules it depends on: their classes come from this checkout, nothing is installed.
mvn -B -q -pl vlm-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="vlm-service/target/test-classes:vlm-service/target/classes:$(cat vlm-service/target/bench-classpath.txt)"
read -r -a java_opts <<< "${SCENERY_BENCH_JAVA_OPTS:-}"
java "${java_opts[@]}" -cp "$cp" io.scenery.vlm.bench.DetectorEvaluation control "$out/pages"
if [ -d "$out/android" ]; then
  java "${java_opts[@]}" -cp "$cp" io.scenery.vlm.bench.DetectorEvaluation all "$out/android" \
    "$out/android-as-listed" "$out/android-earlier" "$out/android-later"
fi
