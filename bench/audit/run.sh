#!/usr/bin/env bash
# Measures audit events per second from AuditTrail.record through Kafka to committed audit-service rows.
# Usage: bench/audit/run.sh [events] [threads] [audit-service settings] [publisher settings]
# Settings are comma-separated key=value pairs, for example scenery.audit-trail.linger=20ms.
# BENCH_BROKER_JVM_OPTIONS sets the Kafka broker's JVM options (default -Xmx1g: both JIT compilers, as in production).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

events="${1:-200000}"
threads="${2:-4}"
service_settings="${3:-}"
publisher_settings=()
IFS=',' read -r -a pairs <<< "${4:-}"
for pair in "${pairs[@]}"; do
  [ -n "$pair" ] && publisher_settings+=("-D$pair")
done

mkdir -p bench/audit/target
# The reactor build uses this checkout's events and audit-service, never older copies in the local repository.
mvn -B -q -pl audit-service,kafka-broker -am package -DskipTests > bench/audit/target/build.log 2>&1 \
  || { tail -50 bench/audit/target/build.log; exit 1; }
mvn -B -q -Pbench -pl bench/audit -am test -Dtest=AuditThroughputBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="$events" -Dbench.threads="$threads" -Dbench.service-settings="$service_settings" \
  -Dbench.broker-jvm-options="${BENCH_BROKER_JVM_OPTIONS:--Xmx1g}" \
  "${publisher_settings[@]}" > bench/audit/target/run.log 2>&1 || { tail -50 bench/audit/target/run.log; exit 1; }
cat bench/audit/target/audit-bench-result.txt
