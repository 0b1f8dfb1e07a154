#!/usr/bin/env bash
# Replays the same inputs with two headroom-cli builds and compares every output byte for byte:
# the metrics JSON, the jobs CSV, the time series and the --csv-dir tables, under every
# scheduler (and, for scenarios, every placement), plus the HTML report of each scenario with a
# fixed date. Refactors and speed-ups must leave these identical (see docs/design.md §3: a run is
# a pure function of its scenario and seed).
#
#   tests/bench/compare_outputs.sh BEFORE_CLI AFTER_CLI INPUT...
#   tests/bench/compare_outputs.sh --record CLI OUTDIR INPUT...
#
# INPUT is a scenario (.json) or a trace (.swf, .swf.gz); the Parallel Workloads Archive's
# KTH-SP2-1996-2.1-cln, CTC-SP2-1996-3.1-cln and HPC2N-2002-2.2-cln are the reference traces.
# Set SCHEDULERS or PLACEMENTS to narrow the runs (e.g. SCHEDULERS="fcfs easy"). Exit status: 0
# when every output is identical, 1 when any differs (the differing files are listed).
set -euo pipefail

schedulers=(${SCHEDULERS:-fcfs sjf srtf easy})
placements=(${PLACEMENTS:-first_fit best_fit least_loaded round_robin topology_aware power_aware})

usage() {
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# record CLI OUTDIR INPUT...: every output of every run under OUTDIR/<input>/<variant>/.
record() {
    local cli="$1" out="$2"
    shift 2
    mkdir -p "$out"
    for input in "$@"; do
        local name
        name="$(basename "$input")"
        local variants=()
        for s in "${schedulers[@]}"; do
            case "$input" in
            *.json)
                for p in "${placements[@]}"; do variants+=("$s:$p"); done
                ;;
            *) variants+=("$s:") ;;
            esac
        done
        for v in "${variants[@]}"; do
            local s="${v%%:*}" p="${v#*:}"
            local dir="$out/$name/$s${p:+-$p}"
            mkdir -p "$dir"
            local args=(simulate "$input" --quiet --scheduler "$s"
                --metrics-json "$dir/metrics.json" --jobs-csv "$dir/jobs.csv"
                --timeseries-csv "$dir/timeseries.csv" --csv-dir "$dir/tables")
            [ -n "$p" ] && args+=(--placement "$p")
            case "$input" in *.json) args+=(--report "$dir/report.html") ;; esac
            if ! HEADROOM_REPORT_DATE=2026-01-01 "$cli" "${args[@]}" >"$dir/stdout" 2>"$dir/stderr"; then
                echo "exit $?" >>"$dir/stderr"
            fi
        done
        echo "  $name: ${#variants[@]} runs" >&2
    done
}

if [ "${1:-}" = "--record" ]; then
    [ $# -ge 4 ] || usage
    record "$2" "$3" "${@:4}"
    exit 0
fi
[ $# -ge 3 ] || usage
before="$1" after="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "==> $before" >&2
record "$before" "$work/before" "$@"
echo "==> $after" >&2
record "$after" "$work/after" "$@"
if diff -rq "$work/before" "$work/after"; then
    echo "identical: $(find "$work/after" -type f | wc -l) files"
else
    echo "outputs differ (files listed above)" >&2
    exit 1
fi
