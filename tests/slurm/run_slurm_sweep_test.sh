#!/usr/bin/env bash
# A sweep on a real Slurm (docs/design.md §8.5): installs and starts a single-node Slurm 22.05
# (packaging/slurm/), emits a 12-point sweep of the bundled example as a 3-task job array,
# submits it with --submit, waits, merges, and checks the result is byte-identical to the same
# sweep run locally. Then a shard made to fail is reported by index with its log, rerun alone
# with sbatch --array=I, and merged to the same bytes. Needs root or sudo (slurmd runs as root);
# about 20 s once the packages are installed.
#
#   tests/slurm/run_slurm_sweep_test.sh        (after the build: cmake --build --preset release)
#
# HEADROOM_PRESET picks the build (default release); HEADROOM_SLURM_DIR where the cluster lives.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="$top/build/${HEADROOM_PRESET:-release}/app/headroom-cli"
[ -x "$cli" ] || { echo "no $cli: build Headroom first" >&2; exit 1; }

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

"$top/packaging/slurm/install.sh"
"$top/packaging/slurm/start.sh"
work="$(mktemp -d)"
cleanup() {
    "$top/packaging/slurm/stop.sh" || true
    rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=/dev/null
. "${HEADROOM_SLURM_DIR:-/tmp/headroom-slurm}/env.sh"

cd "$work"
cp "$top/resources/examples/two-rack-h100.json" base.json
cat >spec.json <<'SPEC'
{
  "format": "headroom-sweep",
  "version": 1,
  "base": "base.json",
  "grid": {
    "scheduler": ["fcfs", "easy"],
    "placement": ["first_fit", "best_fit"],
    "load_scale": [1.0, 1.5, 2.0]
  }
}
SPEC

echo "==> Local sweep"
"$cli" sweep spec.json --out local --quiet
[ "$(wc -l <local/results.csv)" -eq 13 ] || fail "the local sweep has no 12 rows"

echo "==> The same sweep as a Slurm job array of 3 tasks"
"$cli" sweep spec.json --emit-slurm sweep.sbatch --shards 3 --out cluster --submit
grep -q '^#SBATCH --array=0-2$' sweep.sbatch || fail "sweep.sbatch has no --array=0-2"
cmp cluster/results.csv local/results.csv || fail "the array's results differ from the local run"
cmp cluster/results.json local/results.json || fail "the array's JSON differs from the local run"
# The merge job ran too (after the array, afterok) and wrote the same bytes.
grep -q . cluster/logs/shard-0.log 2>/dev/null && fail "a task logged something: $(cat cluster/logs/shard-0.log)"
[ -f cluster/logs/merge.log ] || fail "the merge job did not run"

echo "==> A failed shard is reported with its log and reruns alone"
mkdir -p failing/shard-1-of-3.json # a folder where shard 1's result goes: its task fails
status=0
"$cli" sweep spec.json --emit-slurm failing.sbatch --shards 3 --out failing --submit \
    2>failing.err || status=$?
cat failing.err
[ "$status" -eq 4 ] || fail "a failed shard gave exit status $status, not 4"
grep -q "shard 1 of 3" failing.err || fail "the failed shard is not named"
grep -q "failing/logs/shard-1.log" failing.err || fail "the failed shard's log is not named"
[ -f failing/shard-0-of-3.json ] && [ -f failing/shard-2-of-3.json ] \
    || fail "the other shards did not finish"
[ -f failing/results.csv ] && fail "a merge ran although a shard failed"
rmdir failing/shard-1-of-3.json
rerun="$(sbatch --parsable --array=1 failing.sbatch)"
rerun="${rerun%%;*}"
for _ in $(seq 120); do
    [ -z "$(squeue -h -j "$rerun" 2>/dev/null)" ] && break
    sleep 1
done
"$cli" sweep merge failing --out failing.csv --json failing.json
cmp failing.csv local/results.csv || fail "the rerun shard merged to other results"
cmp failing.json local/results.json || fail "the rerun shard merged to another JSON"

echo "==> Slurm sweep test passed"
