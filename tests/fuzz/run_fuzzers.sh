#!/usr/bin/env bash
# Runs every libFuzzer target in tests/fuzz for SECONDS each (default 20), one after another,
# building the fuzz preset first when needed (docs/architecture.md, "Fuzzing the readers").
#
#   tests/fuzz/run_fuzzers.sh [SECONDS] [TARGET...]
#   HEADROOM_FUZZ_RUNS=10000000 tests/fuzz/run_fuzzers.sh 3600    # a long run: each target stops
#                                     # after 10 M executions or an hour, whichever comes first
#
# Each target starts from its seed corpus (tests/fuzz/corpus/<target>, left untouched: new
# inputs go to build/fuzz/corpus/<target>) and prints one line: executions, executions per
# second, and findings. Findings (crash, sanitizer report, leak, timeout, out-of-memory, an
# exception other than InputError, an overlong message) are kept under
# build/fuzz/findings/<target>/ with libFuzzer's log. Exits non-zero when any target found
# anything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-20}
shift || true
all=(fuzz_swf fuzz_swf_file fuzz_scenario_json fuzz_strict_json fuzz_hourly_profile_csv
     fuzz_sweep_spec fuzz_sacct fuzz_slurm_nodes fuzz_kubernetes_nodes fuzz_openb fuzz_jobs_csv)
targets=("${all[@]}")
[[ $# -eq 0 ]] || targets=("$@")

if [[ ! -f build/fuzz/build.ninja ]]; then
    cmake --preset fuzz >/dev/null
fi
cmake --build --preset fuzz --parallel "${HEADROOM_JOBS:-2}" >/dev/null

failed=0
printf '%-26s %12s %10s %8s %s\n' target executions exec/s seconds findings
for target in "${targets[@]}"; do
    corpus=build/fuzz/corpus/$target
    findings=build/fuzz/findings/$target
    mkdir -p "$corpus" "$findings"
    log=$findings/libfuzzer.log
    # rss_limit: the readers must refuse, not allocate, a huge input; timeout: 10 s for one
    # input is a hang. Findings stay in $findings (crash-*, leak-*, timeout-*, oom-*).
    status=0
    began=$(date +%s)
    "build/fuzz/tests/fuzz/$target" "$corpus" "tests/fuzz/corpus/$target" \
        -max_total_time="$seconds" ${HEADROOM_FUZZ_RUNS:+-runs="$HEADROOM_FUZZ_RUNS"} \
        -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    took=$(( $(date +%s) - began ))
    found=$(find "$findings" -maxdepth 1 -type f ! -name libfuzzer.log | wc -l)
    if [[ $status -ne 0 || $found -ne 0 ]]; then
        failed=1
        printf '%-26s %12s %10s %8s %s\n' "$target" "${executions:-?}" "${rate:-?}" "$took" \
            "$found (exit $status; see $log)"
        grep -m3 -E "ERROR|SUMMARY|terminate|abort" "$log" | sed 's/^/    /' || true
    else
        printf '%-26s %12s %10s %8s %s\n' "$target" "$executions" "$rate" "$took" 0
    fi
done
exit $failed
