#!/usr/bin/env bash
# Measures the time AuditTrail.record takes on the calling thread with JMH, in a forked JVM, against a real Kafka
# broker that the benchmark starts itself.
# Usage: bench/audit/jmh.sh [JMH options, for example -t 1 -i 3]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

mkdir -p bench/audit/jmh/target
# One reactor build of this checkout's events, test-support and broker classpath; nothing is installed.
mvn -B -q -Pbench -pl kafka-broker,bench/audit/jmh -am package -DskipTests > bench/audit/jmh/target/build.log 2>&1 \
  || { tail -50 bench/audit/jmh/target/build.log; exit 1; }
classpath="bench/audit/jmh/target/classes:$(cat bench/audit/jmh/target/classpath.txt)"
java -cp "$classpath" org.openjdk.jmh.Main RecordBenchmark -rf json -rff bench/audit/jmh/target/jmh-result.json "$@" \
  | tee bench/audit/jmh/target/jmh.log
