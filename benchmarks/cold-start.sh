#!/usr/bin/env bash
# Cold start, side by side: a fresh JVM that builds the ddbstreams router and handles one
# 100-record Lambda event through DynamoDbStreamJsonLambda, against a fresh JVM running the
# hand-written handler (runtime serializer + SDK transformer + TableSchema.fromBean + switch) on
# the same event. The two sides alternate, so machine noise falls on both.
#
#   benchmarks/cold-start.sh [--no-build] [runs per side, default 20]
#
# --no-build skips the Maven build, for a caller that has just built the benchmarks module (its
# `package` phase writes benchmarks/target/classpath.txt), as `mvn verify` does through ColdStartIT.
# With 0 runs the script only checks, one fresh JVM per side, that both sides answer the same.
#
# Time measured: from the shell's `date +%s%N` just before it starts `java` to the moment the
# response has been written and flushed to stdout (Instant.now() in the JVM), printed by the main.
# JVM shutdown is not included; the external time of the whole `java` process is reported too.
# JVM flags as Lambda recommends for short-lived functions: -XX:TieredStopAtLevel=1 -Xshare:auto.
set -euo pipefail
build=1
if [[ "${1:-}" == "--no-build" ]]; then
  build=0
  shift
fi
runs="${1:-20}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# Maven's output is shown only if the build fails.
if ((build)) && ! out="$(mvn -B -q -pl benchmarks -am package -DskipTests 2>&1)"; then
  echo "$out" >&2
  exit 1
fi
[[ -s benchmarks/target/classpath.txt && -d benchmarks/target/classes ]] || {
  echo "benchmarks/target/classpath.txt or classes missing: build the benchmarks module first" >&2
  exit 1
}

# Each side gets the jars its deployment package would hold (what the benchmarks module resolves,
# minus test, benchmark and emulator jars, minus the other side's libraries). A module of this
# project is a jar in the local repository or, in a reactor build, in its target directory.
common="$(tr ':' '\n' < benchmarks/target/classpath.txt | grep -Ev \
  'ddbstreams-testkit|/testkit/target/|ddbstreams-emulator|/emulator/target/|antlr4|partiql|/ion-java-|/ion-element-|kotlin|/annotations/13|commons-cli|commons-lang3|sqlite4java|cognito|pinpoint|url-connection|log4j|jetty|mockito|hamcrest|objenesis|guava|failureaccess|listenablefuture|checker-qual|error_prone|j2objc|jakarta|junit|opentest4j|apiguardian|jmh|jopt|commons-math3')"
# Neither side's function runs on KCL, Micrometer or the SDK's Netty client: their jars (and
# everything KCL pulls in) stay out, as they stay out of a Lambda deployment package.
common="$(grep -Ev 'ddbstreams-kcl|/kcl-adapter/target/|ddbstreams-micrometer|/micrometer/target/|amazon-kinesis-client|/kinesis-2|dynamodb-streams-kinesis-adapter|dynamodb-lock-client|cbor|cloudwatch|/sts-|/arns-|smithy-rpcv2|aws-query-protocol|schema-registry|glue-|kafka|zstd|lz4|snappy|mbknor|scala-|validation-api|classgraph|everit|/json-2|commons-validator|commons-digester|commons-collections|commons-logging|handy-uri|re2j|okio|okhttp|kotlinx|wire-|javapoet|kotlinpoet|swiftpoet|kaml|snakeyaml|urlencoder|proto-google|protobuf|jimfs|avro|netty|reactive-streams|rxjava|spotbugs|micrometer|HdrHistogram|jsr310|/annotations-26' <<<"$common")"
lib_cp="benchmarks/target/classes:$(grep -Ev 'aws-lambda-java-serialization|events-sdk-transformer' <<<"$common" | paste -sd:)"
hand_cp="benchmarks/target/classes:$(grep -Ev 'ddbstreams-core|/core/target/|ddbstreams-lambda|/lambda-adapter/target/|event-ruler' <<<"$common" | paste -sd:)"
flags=(-XX:TieredStopAtLevel=1 -Xshare:auto)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The event is written with the testkit's event writer, so its generator gets the whole classpath;
# only the two measured sides are held to their deployment packages.
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.ddbstreams.benchmarks.ColdStartEvent "$work/event.json"

# One run: prints "<ms to response> <ms of the whole process>".
once() {
  local main="$1" cp="$2" start end
  start="$(date +%s%N)"
  COLD_START_LAUNCH_NS="$start" java "${flags[@]}" -cp "$cp" "$main" "$work/event.json" \
    >"$work/out" 2>"$work/err"
  end="$(date +%s%N)"
  local ms
  ms="$(sed -n 's/^cold-start side=.* ms=//p' "$work/err")"
  [[ -n "$ms" ]] || { cat "$work/err" >&2; exit 1; }
  echo "$ms $(( (end - start) / 1000 ))" | awk '{printf "%s %.1f\n", $1, $2 / 1000}'
}

# Both sides must answer the same.
java "${flags[@]}" -cp "$lib_cp" dev.ddbstreams.benchmarks.ColdStartLibrary "$work/event.json" \
  >"$work/lib.json" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
java "${flags[@]}" -cp "$hand_cp" dev.ddbstreams.benchmarks.ColdStartHandWritten "$work/event.json" \
  >"$work/hand.json" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
cmp -s "$work/lib.json" "$work/hand.json" || {
  echo "responses differ: $(cat "$work/lib.json") vs $(cat "$work/hand.json")" >&2
  exit 1
}
echo "both sides answer the same: $(cat "$work/lib.json")"
((runs > 0)) || exit 0

: >"$work/lib"
: >"$work/hand"
for ((i = 1; i <= runs; i++)); do
  if ((i % 2)); then
    once dev.ddbstreams.benchmarks.ColdStartLibrary "$lib_cp" >>"$work/lib"
    once dev.ddbstreams.benchmarks.ColdStartHandWritten "$hand_cp" >>"$work/hand"
  else
    once dev.ddbstreams.benchmarks.ColdStartHandWritten "$hand_cp" >>"$work/hand"
    once dev.ddbstreams.benchmarks.ColdStartLibrary "$lib_cp" >>"$work/lib"
  fi
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
lib_ms="$(cut -d' ' -f1 "$work/lib" | median)"
hand_ms="$(cut -d' ' -f1 "$work/hand" | median)"
lib_proc="$(cut -d' ' -f2 "$work/lib" | median)"
hand_proc="$(cut -d' ' -f2 "$work/hand" | median)"
echo "event: 100 records, $(wc -c <"$work/event.json") bytes; $runs runs per side, alternating; java ${flags[*]}"
echo "runs, ms to response (library): $(cut -d' ' -f1 "$work/lib" | paste -sd' ')"
echo "runs, ms to response (hand-written): $(cut -d' ' -f1 "$work/hand" | paste -sd' ')"
printf '%-28s %12s %14s %8s\n' "median" "ddbstreams" "hand-written" "ratio"
printf '%-28s %12s %14s %8s\n' "JVM launch -> response (ms)" "$lib_ms" "$hand_ms" \
  "$(awk -v a="$lib_ms" -v b="$hand_ms" 'BEGIN {printf "%.2fx", a / b}')"
printf '%-28s %12s %14s %8s\n' "whole java process (ms)" "$lib_proc" "$hand_proc" \
  "$(awk -v a="$lib_proc" -v b="$hand_proc" 'BEGIN {printf "%.2fx", a / b}')"
