#!/usr/bin/env bash
# The failure model against the analytic one, and the Llama-3-like case (docs/design.md §10.7):
#
#   tests/bench/failure_figures.sh [CLI]      (default build/release/app/headroom-cli)
#
# 1. A gang of 512 DGX H100 nodes (32 spares), node MTBF 5000 h, checkpoints every 1800 s of
#    work at 60 s each, restart 300 s, 30 days of work, failure seeds 1-12: mean interruptions
#    per hour and goodput with their standard errors, against n/MTBF and
#    1 − δ/c − (c/2 + r)/MTBF_job.
# 2. resources/examples/llama3-failures.json (2,048 nodes, about 419 interruptions in 54 days)
#    with checkpoints every 600, 817 (Young/Daly), 1800, 3600 and 10800 s, failure seeds 1-5.
# Variants are written to a temporary directory by editing the example with python3.
set -euo pipefail
cli="$(realpath "${1:-build/release/app/headroom-cli}")"
example="$(realpath "$(dirname "$0")/../../resources/examples/llama3-failures.json")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

variant() { # OUT NODES SPARES MTBF_H RUN_S INTERVAL COST RESTART SEED
    python3 - "$example" "$@" <<'PY'
import json, sys
src, out, n, spares, mtbf, run, c, d, r, seed = sys.argv[1:]
s = json.load(open(src))
n, spares = int(n), int(spares)
nodes = [node for zone in s["cluster"]["zones"] for rack in zone["racks"] for node in rack["nodes"]]
keep = {node["name"] for node in nodes[:n + spares]}
for zone in s["cluster"]["zones"]:
    for rack in zone["racks"]:
        rack["nodes"] = [node for node in rack["nodes"] if node["name"] in keep]
    zone["racks"] = [rack for rack in zone["racks"] if rack["nodes"]]
s["node_types"][0]["mtbf_h"] = float(mtbf)
job = s["jobs"][0]
job.update(accelerators=8 * n, run_s=float(run), checkpoint_interval_s=float(c),
           checkpoint_cost_s=float(d), restart_overhead_s=float(r))
s["failures"]["seed"] = int(seed)
json.dump(s, open(out, "w"), indent=2)
PY
}

for seed in $(seq 1 12); do
    variant a$seed.json 512 32 5000 2592000 1800 60 300 $seed
    "$cli" simulate a$seed.json --quiet --metrics-json am$seed.json
done
for c in 600 817 1800 3600 10800; do
    for seed in 1 2 3 4 5; do
        variant l$c-$seed.json 2048 64 6334.6 4665600 $c 30 300 $seed
        "$cli" simulate l$c-$seed.json --quiet --metrics-json lm$c-$seed.json
    done
done
python3 - <<'PY'
import json, math, statistics as st
load = lambda f: json.load(open(f))
def report(n, mtbf, c, d, r, files):
    ms = [load(f) for f in files]
    g = [m["goodput"] for m in ms]
    N = sum(m["interruptions"] for m in ms); T = sum(m["makespan_s"] for m in ms)
    mj = mtbf * 3600 / n
    model = max(0.0, 1 - d / c - (c / 2 + r) / mj)
    print("  c=%5d s: interruptions/run %.1f, per hour %.4f ± %.4f (n/MTBF %.4f); goodput %.4f ± %.4f"
          " (model %.4f); wall %.1f days" % (c, N / len(ms), N / T * 3600, math.sqrt(N) / T * 3600,
          n / mtbf, st.mean(g), st.stdev(g) / math.sqrt(len(g)), model,
          st.mean(m["makespan_s"] for m in ms) / 86400))
print("analytic check: 512 nodes, MTBF 5000 h, δ 60 s, r 300 s, 30 days of work, 12 seeds")
report(512, 5000, 1800, 60, 300, ["am%d.json" % s for s in range(1, 13)])
print("Llama-3-like: 2048 nodes, MTBF 6334.6 h, δ 30 s, r 300 s, 54 days of work, 5 seeds")
for c in [600, 817, 1800, 3600, 10800]:
    report(2048, 6334.6, c, 30, 300, ["lm%d-%d.json" % (c, s) for s in range(1, 6)])
PY
