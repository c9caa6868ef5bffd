#!/usr/bin/env bash
# Runs one JMH benchmark on another git ref ("before") and on the working tree ("after"),
# alternating the order each round so that load drifting on a shared machine hits both sides, and
# prints the median iteration of every run and the median of those medians per side. 12 warm-up
# iterations: on a loaded machine the JIT compilers need them before the scores settle. Example:
#   benchmarks/side-by-side.sh integ 6 'FullBatchBenchmark.library$'
set -euo pipefail
ref="${1:?git ref to compare with}"
rounds="${2:-4}"
bench="${3:-FullBatchBenchmark.library\$}"
root="$(cd "$(dirname "$0")/.." && pwd)"
before="$(mktemp -d)"
results="$(mktemp -d)"
trap 'rm -rf "$before"' EXIT
git -C "$root" archive "$ref" | tar -x -C "$before"
(cd "$before" && mvn -B -q -pl benchmarks -am package -DskipTests >/dev/null)
(cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests >/dev/null)
cp_before="$before/benchmarks/target/classes:$(cat "$before/benchmarks/target/classpath.txt")"
cp_after="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
for round in $(seq 1 "$rounds"); do
  order="before after"
  if [ $((round % 2)) -eq 0 ]; then order="after before"; fi
  for side in $order; do
    cp="$cp_before"
    if [ "$side" = after ]; then cp="$cp_after"; fi
    echo "round $round $side, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    java -cp "$cp" org.openjdk.jmh.Main "$bench" -f 1 -wi 12 -w 1 -i 8 -r 1 \
      -rf json -rff "$results/$round-$side.json" >/dev/null
  done
done
python3 - "$results" <<'PY'
import glob, json, statistics, sys
sides = {}
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    side = path.rsplit("-", 1)[1][:-5]
    for b in json.load(open(path)):
        raw = [x for it in b["primaryMetric"]["rawData"] for x in it]
        print(f"{path.rsplit('/', 1)[1]:>14} median {statistics.median(raw):>12,.0f}"
              f"  min {min(raw):>12,.0f}  max {max(raw):>12,.0f}")
        sides.setdefault(side, []).append(statistics.median(raw))
for side, medians in sides.items():
    print(f"{side}: median of medians {statistics.median(medians):,.0f} over {len(medians)} runs")
PY
