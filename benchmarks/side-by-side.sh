#!/usr/bin/env bash
# Runs one benchmark on another git ref ("before") and on the working tree ("after"), alternating
# the order each round so that load drifting on a shared machine hits both sides. Examples:
#   benchmarks/side-by-side.sh integ 6 'FullBatchBenchmark.library$'          # JMH, wall time
#   benchmarks/side-by-side.sh integ 4 FullBatchBenchmark library 1000 cpu    # per CPU second
# JMH mode prints the median iteration of each run (12 warm-up iterations: on a loaded machine
# the JIT compilers need them before scores settle). CPU mode runs cpu-time/CpuTime.java, which
# scores operations per second of the benchmark thread's CPU time: far steadier than wall time
# when other work shares the machine.
set -euo pipefail
ref="${1:?git ref to compare with}"
rounds="${2:-4}"
root="$(cd "$(dirname "$0")/.." && pwd)"
before="$(mktemp -d)"
trap 'rm -rf "$before"' EXIT
git -C "$root" archive "$ref" | tar -x -C "$before"
(cd "$before" && mvn -B -q -pl benchmarks -am package -DskipTests >/dev/null)
(cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests >/dev/null)
cp_before="$before/benchmarks/target/classes:$(cat "$before/benchmarks/target/classpath.txt")"
cp_after="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
if [ "${6:-jmh}" = cpu ]; then
  for side in before after; do
    mkdir -p "$before/cpu-$side"
    cp="$cp_before"; [ "$side" = after ] && cp="$cp_after"
    javac -d "$before/cpu-$side" -cp "$cp" "$root/benchmarks/cpu-time/CpuTime.java"
  done
fi
for round in $(seq 1 "$rounds"); do
  order="before after"
  if [ $((round % 2)) -eq 0 ]; then order="after before"; fi
  for side in $order; do
    cp="$cp_before"
    if [ "$side" = after ]; then cp="$cp_after"; fi
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    if [ "${6:-jmh}" = cpu ]; then
      result="$(java -cp "$before/cpu-$side:$cp" CpuTime "dev.ddbstreams.benchmarks.$3" "$4" "${5:-1}" 10)"
    else
      java -cp "$cp" org.openjdk.jmh.Main "${3:-FullBatchBenchmark.library\$}" \
        -f 1 -wi 12 -w 1 -i 8 -r 1 -rf json -rff "$before/result.json" >/dev/null
      result="$(python3 -c 'import json,statistics,sys
b=json.load(open(sys.argv[1]))[0]; raw=[x for it in b["primaryMetric"]["rawData"] for x in it]
print(f"median {statistics.median(raw):,.0f} min {min(raw):,.0f} max {max(raw):,.0f}")' "$before/result.json")"
    fi
    echo "round $round $side (load average $load): $result"
  done
done
