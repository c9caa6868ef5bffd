#!/usr/bin/env bash
# KCL end to end: KclStreamConsumer + router against a bare KCL record processor, on
# the DynamoDB emulator. Usage: benchmarks/kcl-overhead.sh [records per run] [runs per side]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -pl benchmarks -am package -DskipTests >/dev/null
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.ddbstreams.benchmarks.KclOverhead "$@"
