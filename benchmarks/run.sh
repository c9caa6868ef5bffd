#!/usr/bin/env bash
# Builds the benchmarks and runs JMH with the given arguments, e.g.:
#   benchmarks/run.sh DispatchBenchmark -prof gc
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -pl benchmarks -am package -DskipTests >/dev/null
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main "$@"
