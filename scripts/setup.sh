#!/usr/bin/env bash
# Prepares a Debian machine for Scenery: installs the system packages it needs when they are missing and starts
# the local PostgreSQL and Redis when they are installed but down. Safe to run again; it changes nothing that is
# already in place.
# Usage: scripts/setup.sh [--bench]   (--bench also installs ffmpeg and Chromium, which the benchmarks in bench/ run)
set -euo pipefail

bench=false
case "${1:-}" in
  "") ;;
  --bench) bench=true ;;
  *) printf 'setup: unknown option %s; the only option is --bench\n' "$1" >&2; exit 2 ;;
esac

say() { printf 'setup: %s\n' "$*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

as_root() {
  if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi
}

# Debian packages: the JDK and Maven build the project. Tesseract's language data serves the OCR in vlm-service.
# run-local.sh uses psql and curl. PostgreSQL and Redis are the servers that the services and tests use.
packages=()
command -v java >/dev/null || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || packages+=(maven)
command -v curl >/dev/null || packages+=(curl)
command -v psql >/dev/null || packages+=(postgresql-client)
[[ -f /usr/share/tesseract-ocr/5/tessdata/eng.traineddata ]] || packages+=(tesseract-ocr tesseract-ocr-eng)
[[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ]] || packages+=(tesseract-ocr-chi-sim)
if ! port_open 5432 && [[ ! -d /etc/postgresql ]]; then packages+=(postgresql); fi
if ! port_open 6379 && ! command -v redis-server >/dev/null; then packages+=(redis-server); fi
# The benchmarks compare the slicer with the ffmpeg program and render pages in headless Chromium.
if $bench; then
  command -v ffmpeg >/dev/null || packages+=(ffmpeg)
  command -v chromium >/dev/null || packages+=(chromium)
fi

if ((${#packages[@]} > 0)); then
  say "installing ${packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if ! port_open 5432; then
  say "starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
fi
if ! port_open 6379; then
  say "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/scenery.log
fi

for attempt in $(seq 1 30); do
  port_open 5432 && port_open 6379 && break
  sleep 1
done
port_open 5432 || { say "PostgreSQL is still not reachable on 127.0.0.1:5432"; exit 1; }
port_open 6379 || { say "Redis is still not reachable on 127.0.0.1:6379"; exit 1; }

# Tests and local runs connect as user postgres over TCP without a password.
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1" >/dev/null 2>&1; then
  say "PostgreSQL refuses user postgres on 127.0.0.1 without a password;"
  say "add 'host all all 127.0.0.1/32 trust' to pg_hba.conf and reload PostgreSQL"
  exit 1
fi
say "ready: PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379"
