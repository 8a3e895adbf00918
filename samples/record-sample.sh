#!/usr/bin/env bash
# Records samples/sample-recording.mp4: a real Chromium session on a virtual X display, driven with xdotool
# through the local pages in samples/pages/, and writes the time of every page or dialog change to
# samples/sample-recording.cuts.txt ("<seconds from the first frame> <description>", one line per cut).
#
# Needs the Debian packages xvfb, chromium, ffmpeg and xdotool. Opens only file:// URLs, and Chromium's
# host resolver maps every host name to "not found", so nothing leaves the machine.
set -euo pipefail

SAMPLES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PAGES_DIR="$SAMPLES_DIR/pages"
OUTPUT="$SAMPLES_DIR/sample-recording.mp4"
CUTS="$SAMPLES_DIR/sample-recording.cuts.txt"

WIDTH=1280
HEIGHT=800
FPS=12
# The encoder starts at FIRST_CRF and raises it until the file fits in MAX_BYTES (4 MiB, under a 5 MB budget).
FIRST_CRF=23
MAX_CRF=40
MAX_BYTES=$((4 * 1024 * 1024))

for tool in Xvfb chromium ffmpeg xdotool; do
  if ! command -v "$tool" >/dev/null; then
    echo "record-sample: $tool not found; install it with: apt-get install -y xvfb chromium ffmpeg xdotool" >&2
    exit 1
  fi
done

WORK=$(mktemp -d /tmp/record-sample.XXXXXX)
XVFB_PID=""
CHROMIUM_PID=""
FFMPEG_PID=""
WATCHER_PID=""

stop_recorder() {
  if [[ -n "$FFMPEG_PID" ]] && kill -0 "$FFMPEG_PID" 2>/dev/null; then
    # SIGINT lets ffmpeg write the container trailer before it exits.
    kill -INT "$FFMPEG_PID"
    wait "$FFMPEG_PID" || true
  fi
  FFMPEG_PID=""
}

cleanup() {
  stop_recorder
  if [[ -n "$WATCHER_PID" ]]; then
    kill -TERM "$WATCHER_PID" 2>/dev/null || true
    wait "$WATCHER_PID" 2>/dev/null || true
  fi
  if [[ -n "$CHROMIUM_PID" ]]; then
    # Chromium runs in its own process group (setsid), so this also ends its renderer and GPU processes.
    kill -TERM -- "-$CHROMIUM_PID" 2>/dev/null || true
    wait "$CHROMIUM_PID" 2>/dev/null || true
  fi
  if [[ -n "$XVFB_PID" ]]; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "record-sample: $*" >&2
  if [[ -n "${DISPLAY:-}" && -n "$XVFB_PID" ]]; then
    local screenshot
    screenshot=$(mktemp /tmp/record-sample-failure.XXXXXX.png)
    ffmpeg -nostdin -loglevel error -y -f x11grab -video_size "${WIDTH}x${HEIGHT}" -i "$DISPLAY" -frames:v 1 \
      "$screenshot" && echo "record-sample: the display at the time of the failure: $screenshot" >&2
  fi
  exit 1
}

# Flags shared by the measuring (headless) and the recorded Chromium runs.
CHROMIUM_FLAGS=(
  --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --disable-default-apps --disable-extensions
  --disable-features=Translate,MediaRouter,OptimizationHints --no-default-browser-check
  --password-store=basic --force-device-scale-factor=1 --hide-scrollbars --noerrdialogs
  --host-resolver-rules="MAP * ~NOTFOUND"
)

# --- Measure where every control is -------------------------------------------------------------------------------
# Each page lists its viewport size and the centre of its controls when opened with "?layout" (see app.js).
# A headless Chromium renders the page and --dump-dom returns the list. Headless Chromium subtracts room for
# browser controls from --window-size, so the window is enlarged until the viewport is WIDTH x HEIGHT, the
# viewport of the kiosk window on the virtual display.
declare -A POSITION
dump_layout() {
  local page=$1 width=$2 height=$3
  local profile="$WORK/measure-profile"
  rm -rf "$profile"
  timeout 60 chromium --headless "${CHROMIUM_FLAGS[@]}" --user-data-dir="$profile" --window-size="$width,$height" \
    --dump-dom "file://$PAGES_DIR/$page.html?layout" 2>>"$WORK/measure.log" | grep -E '^(viewport|target) ' || true
}
measure_page() {
  local page=$1 layout viewport_width viewport_height kind name x y
  layout=$(dump_layout "$page" "$WIDTH" "$HEIGHT")
  read -r _ viewport_width viewport_height <<<"$(grep '^viewport ' <<<"$layout")"
  [[ -n "${viewport_width:-}" ]] || fail "headless Chromium returned no layout for $page.html; see $WORK/measure.log"
  if ((viewport_width != WIDTH || viewport_height != HEIGHT)); then
    layout=$(dump_layout "$page" $((2 * WIDTH - viewport_width)) $((2 * HEIGHT - viewport_height)))
    read -r _ viewport_width viewport_height <<<"$(grep '^viewport ' <<<"$layout")"
    ((viewport_width == WIDTH && viewport_height == HEIGHT)) \
      || fail "headless viewport of $page.html is ${viewport_width}x$viewport_height, not ${WIDTH}x$HEIGHT"
  fi
  while read -r kind name x y; do
    if [[ "$kind" == target ]]; then
      POSITION["$page:$name"]="$x $y"
    fi
  done <<<"$layout"
}
for page in index tickets settings; do
  measure_page "$page"
done
[[ -n "${POSITION[index:email]:-}" ]] || fail "no control positions measured for index.html"

# --- Virtual display ---------------------------------------------------------------------------------------------
# -displayfd makes Xvfb pick a free display number and write it to file descriptor 5.
Xvfb -displayfd 5 -screen 0 "${WIDTH}x${HEIGHT}x24" -nolisten tcp 5>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 100); do
  [[ -s "$WORK/display" ]] && break
  sleep 0.1
done
[[ -s "$WORK/display" ]] || fail "Xvfb did not start; see its log: $(cat "$WORK/xvfb.log")"
export DISPLAY=":$(head -n1 "$WORK/display")"

# --- Browser -----------------------------------------------------------------------------------------------------
# A fresh profile whose preferences turn off the password manager, so no "save password" bubble covers the page.
mkdir -p "$WORK/profile/Default"
cat >"$WORK/profile/Default/Preferences" <<'JSON'
{"credentials_enable_service": false, "profile": {"password_manager_enabled": false}}
JSON
setsid chromium "${CHROMIUM_FLAGS[@]}" --user-data-dir="$WORK/profile" --kiosk --test-type \
  --window-position=0,0 --window-size="$WIDTH,$HEIGHT" "file://$PAGES_DIR/index.html" \
  >"$WORK/chromium.log" 2>&1 &
CHROMIUM_PID=$!

WINDOW=$(timeout 30 xdotool search --sync --onlyvisible --class chromium | head -n1) \
  || fail "no Chromium window appeared on $DISPLAY"
# Without a window manager the kiosk window comes up one pixel short of the screen in each direction.
xdotool windowsize "$WINDOW" "$WIDTH" "$HEIGHT"

# Waits until the window title contains the text. Pages set their title to name the screen or the open dialog.
wait_title() {
  local expected=$1
  for _ in $(seq 200); do
    if [[ "$(xdotool getwindowname "$WINDOW" 2>/dev/null)" == *"$expected"* ]]; then
      return 0
    fi
    sleep 0.05
  done
  fail "window title never contained '$expected' (it is '$(xdotool getwindowname "$WINDOW")')"
}

# Moves the pointer in small steps, so the recording shows it travel, then clicks the named control.
click_target() {
  local key="$1:$2" x y from_x from_y
  [[ -n "${POSITION[$key]:-}" ]] || fail "no position measured for control $key"
  read -r x y <<<"${POSITION[$key]}"
  eval "$(xdotool getmouselocation --shell)"
  from_x=$X
  from_y=$Y
  for step in $(seq 1 16); do
    xdotool mousemove $((from_x + (x - from_x) * step / 16)) $((from_y + (y - from_y) * step / 16))
    sleep 0.02
  done
  sleep 0.25
  xdotool click 1
  sleep 0.4
}

type_text() {
  xdotool type --delay 90 "$1"
  sleep 0.4
}

press() {
  xdotool key "$@"
  sleep 0.5
}

hold() {
  sleep "$1"
}

# Logs "<epoch seconds> <title>" whenever the window title changes, every 30 ms or so. Pages name the current
# screen or open dialog in their title, so these are the times of the cuts, independent of the pauses between
# the scripted steps.
TITLES="$WORK/titles.log"
watch_titles() {
  local last="" title
  while title=$(xdotool getwindowname "$WINDOW" 2>/dev/null); do
    if [[ "$title" != "$last" ]]; then
      echo "$(date +%s.%N) $title" >>"$TITLES"
      last=$title
    fi
    sleep 0.03
  done
}
: >"$TITLES"
watch_titles &
WATCHER_PID=$!

# Records a cut at the time the window title last changed to one containing the given text.
CUTS_RAW="$WORK/cuts.raw"
: >"$CUTS_RAW"
mark_cut() {
  local title=$1 description=$2 line
  line=$(grep -F -- "$title" "$TITLES" | tail -n1)
  [[ -n "$line" ]] || fail "no title change to '$title' was logged"
  echo "${line%% *} $description" >>"$CUTS_RAW"
}

wait_title "Sign in"
xdotool mousemove 640 700
sleep 1

# --- Recording ---------------------------------------------------------------------------------------------------
# The capture is lossless and fast, so it keeps up on a busy machine. The size-limited encode comes afterwards.
ffmpeg -nostdin -hide_banner -f x11grab -draw_mouse 1 -framerate "$FPS" -video_size "${WIDTH}x${HEIGHT}" \
  -i "$DISPLAY" -c:v libx264 -preset ultrafast -qp 0 "$WORK/capture.mkv" 2>"$WORK/ffmpeg.log" &
FFMPEG_PID=$!
# x11grab stamps frames with the wall clock, so its "start:" value is the epoch time of the first frame.
for _ in $(seq 100); do
  grep -q 'start: [0-9]' "$WORK/ffmpeg.log" && break
  sleep 0.1
done
RECORDING_START=$(grep -o 'start: [0-9.]*' "$WORK/ffmpeg.log" | head -n1 | cut -d' ' -f2)
[[ -n "$RECORDING_START" ]] || fail "ffmpeg did not start capturing: $(tail -n5 "$WORK/ffmpeg.log")"

# Sign-in page: the recording starts on it.
hold 3.5
click_target index email
type_text "dana.reyes@northwind.example"
click_target index password
type_text "correct-horse-42"
click_target index remember
hold 0.8
click_target index signin

wait_title "Tickets ·"
mark_cut "Tickets ·" "tickets page shown after sign-in"
hold 4
click_target tickets search
type_text "printer"
hold 1.2
click_target tickets only-open
hold 1.5
click_target tickets only-open
click_target tickets search
press ctrl+a BackSpace
hold 1
click_target tickets new-ticket

wait_title "New ticket ·"
mark_cut "New ticket ·" "New ticket dialog opened over the tickets page"
hold 3
type_text "Scanner on floor 2 is offline"
click_target tickets priority
press Down
press Return
click_target tickets category-network
hold 1
click_target tickets ticket-create

wait_title "Tickets ·"
mark_cut "Tickets ·" "New ticket dialog closed, new row at the top of the table"
hold 4
click_target tickets nav-settings

wait_title "Settings ·"
mark_cut "Settings ·" "settings page shown"
hold 3.5
click_target settings display-name
press ctrl+a
type_text "Dana Reyes"
click_target settings language
press Down Down
press Return
click_target settings theme-dark
hold 1.5
click_target settings notify-reply
click_target settings notify-digest
click_target settings save
hold 2
click_target settings sign-out

wait_title "Sign out? ·"
mark_cut "Sign out? ·" "Sign out dialog opened over the settings page"
hold 3.5
click_target settings sign-out-confirm

wait_title "Signed out ·"
mark_cut "Signed out ·" "signed-out page shown (dialog closed by navigation)"
hold 4.5
stop_recorder

# --- Encode ------------------------------------------------------------------------------------------------------
crf=$FIRST_CRF
while :; do
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$WORK/capture.mkv" -an -c:v libx264 -preset slow \
    -crf "$crf" -pix_fmt yuv420p -r "$FPS" -movflags +faststart "$WORK/encoded.mp4"
  size=$(stat -c %s "$WORK/encoded.mp4")
  if ((size <= MAX_BYTES)); then
    break
  fi
  crf=$((crf + 3))
  ((crf <= MAX_CRF)) || fail "even CRF $MAX_CRF gives $size bytes, more than $MAX_BYTES"
done
mv "$WORK/encoded.mp4" "$OUTPUT"

awk -v start="$RECORDING_START" '{
  description = $0
  sub(/^[^ ]+ /, "", description)
  printf "%.3f %s\n", $1 - start, description
}' "$CUTS_RAW" >"$CUTS"

echo "record-sample: wrote $OUTPUT ($size bytes, CRF $crf) and $CUTS:"
cat "$CUTS"
