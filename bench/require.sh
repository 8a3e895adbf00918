# Sourced by the benchmark scripts: stops with a clear message when a program they run is missing.
require_programs() {
  local missing=()
  for program in "$@"; do
    command -v "$program" >/dev/null || missing+=("$program")
  done
  if ((${#missing[@]} > 0)); then
    echo "missing program: ${missing[*]}; install it with scripts/setup.sh --bench" >&2
    exit 1
  fi
}
