#!/usr/bin/env bash
# Runs the engine-scaling benchmarks (issue 11) and prints one table: per case the median wall
# time, CPU time, events per second and peak memory over the runs, and the median of each run's
# ratio to the bare FCFS loop measured in the same round (the floor: read the trace, a heap of
# completions over a pool of slots, nothing else). Rounds interleave every case, so a busy
# machine slows them alike; the CPU ratio shows what the wall ratio lost to waiting for a core.
#
#   tests/bench/run_benchmarks.sh [--runs N] [--build DIR] [--work DIR] [--quick]
#
# Cases (a Release build; --quick: 200k-job flat trace, 50k-job replays, one run):
#   flat:*    1,000,000 jobs on 16,384 single-slot nodes (bench_swf_gen, seed 1), through the
#             CLI: headroom-cli simulate flat.swf --scheduler fcfs|easy --metrics-json m.json
#   hpc2n:*   the HPC2N trace (HPC2N=path, default /work/traces/HPC2N-2002-2.2-cln.swf.gz),
#             through the CLI under easy and fcfs; skipped if absent
#   replay:*, caps:*, caps-pa:*, dpm-pa:*, services:*
#             bench_replay's 200,000-job trace on 2,048 x 8-accelerator nodes, in-process:
#             plain easy; rack budgets of 300 kW that bind (first_fit with the cap fallback);
#             the same with power management and power_aware placement; power management and
#             power_aware without budgets; 4 inference services. Their floor is the bare loop
#             over the same jobs (replay:bare), and "vs easy" compares them with replay:easy.
# Targets (issue 11): flat:fcfs <= 3x and flat:easy <= 4x the bare loop, hpc2n:easy <= 2x,
# caps <= 2x replay:easy, dpm-pa <= 1.3x replay:easy.
set -euo pipefail

runs=3
build=build/release
work="${TMPDIR:-/tmp}/headroom-bench"
flatJobs=1000000
replayJobs=200000
hpc2n="${HPC2N:-/work/traces/HPC2N-2002-2.2-cln.swf.gz}"
while [ $# -gt 0 ]; do
    case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --quick) runs=1; flatJobs=200000; replayJobs=50000; shift ;;
    *) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
done
bench="$build/tests/bench"
cli="$build/app/headroom-cli"
for program in "$bench/bench_swf_gen" "$bench/bench_bare_fcfs" "$bench/bench_cli" \
    "$bench/bench_replay" "$cli"; do
    [ -x "$program" ] || { echo "missing $program (build the release preset)" >&2; exit 1; }
done
mkdir -p "$work"
flat="$work/flat-$flatJobs.swf"
[ -f "$flat" ] || "$bench/bench_swf_gen" "$flat" --jobs "$flatJobs" >&2
results="$work/results.txt"
: >"$results"

# Appends "ROUND LABEL wall_s W cpu_s C events E events_per_s R peak_MiB M" lines.
record() {
    local round="$1"
    shift
    "$@" | grep -E '^[a-z0-9-]+:[a-z]+ wall_s ' | sed "s/^/$round /" >>"$results"
}
cliRun() { # LABEL TRACE SCHEDULER
    record "$round" "$bench/bench_cli" "$1" "$work/metrics.json" -- \
        "$cli" simulate "$2" --scheduler "$3" --metrics-json "$work/metrics.json" --quiet
}
replay() { # LABEL ARGS...
    local label="$1"
    shift
    record "$round" "$bench/bench_replay" --jobs "$replayJobs" --scheduler easy --label "$label" "$@"
}

for round in $(seq "$runs"); do
    echo "round $round of $runs" >&2
    record "$round" "$bench/bench_bare_fcfs" "$flat" --label flat:bare
    cliRun flat:fcfs "$flat" fcfs
    cliRun flat:easy "$flat" easy
    if [ -f "$hpc2n" ]; then
        record "$round" "$bench/bench_bare_fcfs" "$hpc2n" --label hpc2n:bare
        cliRun hpc2n:easy "$hpc2n" easy
        cliRun hpc2n:fcfs "$hpc2n" fcfs
    fi
    replay replay --bare
    replay caps --rack-budget-kw 300
    replay caps-pa --rack-budget-kw 300 --power-aware
    replay dpm-pa --power-aware
    replay services --services 4
done

# Medians per label, and of each round's ratios to the group's floor (and to replay:easy).
awk -v runs="$runs" '
function median(list,    n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; ++i) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; --j) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function floorOf(label,    group) {
    group = label; sub(/:.*/, "", group)
    return (group == "flat" || group == "hpc2n") ? group ":bare" : "replay:bare"
}
{
    round = $1; label = $2
    wall[round, label] = $4; cpu[round, label] = $6; events[label] = $8; peak[label] = peak[label] " " $12
    walls[label] = walls[label] " " $4; cpus[label] = cpus[label] " " $6
    if (!(label in seen)) { seen[label] = 1; order[++count] = label }
    rounds[round] = 1
}
END {
    printf "%-14s %9s %9s %12s %9s %10s %10s %10s\n", "case", "wall_s", "cpu_s", "events/s", "peak_MiB", "wall/bare", "cpu/bare", "wall/easy"
    for (i = 1; i <= count; ++i) {
        label = order[i]; base = floorOf(label)
        wr = ""; cr = ""; er = ""
        for (r in rounds) {
            if (((r SUBSEP label) in wall) && ((r SUBSEP base) in wall) && wall[r, base] > 0) {
                wr = wr " " wall[r, label] / wall[r, base]
                if (cpu[r, base] > 0) cr = cr " " cpu[r, label] / cpu[r, base]
            }
            if (base == "replay:bare" && label != base && ((r SUBSEP "replay:easy") in wall))
                er = er " " wall[r, label] / wall[r, "replay:easy"]
        }
        w = median(walls[label])
        rate = w > 0 ? events[label] / w : 0
        wr = wr == "" ? "-" : sprintf("%.2f", median(wr))
        cr = cr == "" ? "-" : sprintf("%.2f", median(cr))
        er = er == "" ? "-" : sprintf("%.2f", median(er))
        printf "%-14s %9.3f %9.3f %12.0f %9.1f %10s %10s %10s\n", label, w, median(cpus[label]),
               rate, median(peak[label]), wr, cr, er
    }
}' "$results"
echo "(raw figures: $results)" >&2
