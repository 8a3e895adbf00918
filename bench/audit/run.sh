#!/usr/bin/env bash
# Measures audit events per second from AuditTrail.record through Kafka to committed audit-service rows.
# Usage: bench/audit/run.sh [events] [threads] [audit-service settings, comma-separated key=value]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

events="${1:-200000}"
threads="${2:-4}"
settings="${3:-}"

if [ ! -f audit-service/target/quarkus-app/quarkus-run.jar ]; then
  mvn -B -q -pl audit-service package -DskipTests
fi
if [ ! -d kafka-broker/target/lib ]; then
  mvn -B -q -pl kafka-broker -am package -DskipTests
fi

mkdir -p bench/audit/target
mvn -B -q -f bench/audit/pom.xml test -Dtest=AuditThroughputBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="$events" -Dbench.threads="$threads" -Dbench.service-settings="$settings" \
  > bench/audit/target/run.log 2>&1 || { tail -50 bench/audit/target/run.log; exit 1; }
cat bench/audit/target/audit-bench-result.txt
