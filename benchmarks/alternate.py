#!/usr/bin/env python3
"""Runs JMH benchmarks side by side on a shared machine, one fresh JVM (one fork) per side per
round, rotating the order of the sides every round so that drifting load falls on all of them.

    benchmarks/alternate.py ROUNDS 'SIDE' ['SIDE' ...] [-- EXTRA JMH ARGS]

A SIDE is a JMH benchmark regex with its own arguments, e.g.
'TypedDecodeBenchmark.library$ -p attributes=10'. Each run uses 5 warm-up and 5 measured
iterations of 1 s and the GC profiler. Prints, per benchmark and parameters, the median of the
rounds' median iterations, the lowest and highest round median, bytes allocated per operation
and the load averages seen. Build first: mvn -B -q -pl benchmarks -am package -DskipTests
"""
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
if len(args) < 2:
    sys.exit(__doc__)
extra = []
if "--" in args:
    extra = args[args.index("--") + 1:]
    args = args[: args.index("--")]
rounds, sides = int(args[0]), args[1:]
timing = {"-wi": "5", "-w": "1", "-i": "5", "-r": "1"}
rest = []
i = 0
while i < len(extra):
    if extra[i] in timing and i + 1 < len(extra):
        timing[extra[i]] = extra[i + 1]
        i += 2
    else:
        rest.append(extra[i])
        i += 1
extra = [x for k, v in timing.items() for x in (k, v)] + rest
with open(os.path.join(root, "benchmarks/target/classpath.txt")) as f:
    cp = os.path.join(root, "benchmarks/target/classes") + ":" + f.read().strip()

scores, allocs, loads = {}, {}, []
out = tempfile.mkdtemp()
for r in range(rounds):
    order = sides[r % len(sides):] + sides[: r % len(sides)]
    for side in order:
        with open("/proc/loadavg") as f:
            loads.append(float(f.read().split()[0]))
        result = os.path.join(out, "r.json")
        cmd = ["java", "-cp", cp, "org.openjdk.jmh.Main", *shlex.split(side), "-f", "1", "-prof", "gc",
               "-rf", "json", "-rff", result, *extra]
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if run.returncode != 0:
            sys.exit("\n".join(run.stdout.splitlines()[-30:]) + f"\nJMH failed on side {side!r}")
        with open(result) as f:
            for run in json.load(f):
                params = ",".join(f"{k}={v}" for k, v in sorted(run.get("params", {}).items()))
                key = run["benchmark"].rsplit(".", 2)[-2] + "." + run["benchmark"].rsplit(".", 1)[-1]
                key += f"[{params}]" if params else ""
                raw = [x for fork in run["primaryMetric"]["rawData"] for x in fork]
                scores.setdefault(key, []).append(statistics.median(raw))
                unit = run["primaryMetric"]["scoreUnit"]
                scores.setdefault(key + "#unit", []).append(unit)
                norm = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
                if norm:
                    allocs.setdefault(key, []).append(norm["score"])
        print(f"round {r + 1}/{rounds} {side}: done", file=sys.stderr)

print(f"{'benchmark':60} {'median':>12} {'min':>12} {'max':>12} {'unit':>10} {'B/op':>10}")
for key in [k for k in scores if not k.endswith("#unit")]:
    v = scores[key]
    unit = scores[key + "#unit"][0]
    alloc = statistics.median(allocs[key]) if key in allocs else float("nan")
    print(f"{key:60} {statistics.median(v):12.4g} {min(v):12.4g} {max(v):12.4g} {unit:>10} {alloc:10.0f}")
print(f"rounds={rounds}; 1-min load average over the runs: min {min(loads):.2f}, "
      f"median {statistics.median(loads):.2f}, max {max(loads):.2f}")
