#!/usr/bin/env bash
# Start-up of the embedded DynamoDB emulator: each run is a fresh JVM that calls
# DynamoDbEmulator.start() and sends one ListTables through the SDK's sync client. Prints each run
# and the median of both figures, measured inside the JVM from just before start().
#
#   benchmarks/emulator-start.sh [runs, default 5]
set -euo pipefail
runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if ! build="$(mvn -B -q -pl benchmarks -am package -DskipTests 2>&1)"; then
  echo "$build" >&2
  exit 1
fi
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for ((i = 1; i <= runs; i++)); do
  java -cp "$cp" dev.ddbstreams.benchmarks.EmulatorStart | tee -a "$out"
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "median start_ms=$(sed -n 's/.*start_ms=\([0-9.]*\).*/\1/p' "$out" | median)" \
  "first_request_ms=$(sed -n 's/.*first_request_ms=\([0-9.]*\).*/\1/p' "$out" | median)" \
  "runs=$runs load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
