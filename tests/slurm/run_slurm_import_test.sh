#!/usr/bin/env bash
# The Slurm import against a real Slurm (docs/design.md §9): starts a single-node Slurm 22.05
# with accounting (packaging/slurm/start.sh --accounting: slurmdbd, MariaDB, 8 fake GPUs,
# strict FIFO), runs short jobs of different widths and lengths — one that fails, one that
# times out, one cancelled while running and a 3-task array — captures `sacct -P` (the format
# of §9) and `scontrol show node -o`, imports them with `headroom-cli import slurm`, replays
# with fcfs, and checks that the replay has Slurm's jobs with Slurm's widths and run times, and
# starts them in Slurm's order. Prints each job's start in both (Slurm adds about a second per
# start). Needs root or sudo; about 2 minutes (the time-out job runs out its 1-minute limit).
#
#   tests/slurm/run_slurm_import_test.sh        (after the build: cmake --build --preset release)
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

"$top/packaging/slurm/install.sh" --accounting
"$top/packaging/slurm/start.sh" --accounting
work="$(mktemp -d)"
cleanup() {
    "$top/packaging/slurm/stop.sh" || true
    rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=/dev/null
. "${HEADROOM_SLURM_DIR:-/tmp/headroom-slurm}/env.sh"
cd "$work"

since="$(date +%Y-%m-%dT%H:%M:%S)"
# A second apart: sacct records times to the second, and the replay breaks ties of submit
# time by id, which need not be Slurm's order.
submit() {
    sbatch --parsable -o /dev/null -e /dev/null "$@"
    sleep 1.1
}
# In FIFO order on 8 GPUs: wide and narrow, short and long.
submit --gpus=4 -t 5 --wrap "sleep 6" >/dev/null
submit --gpus=8 -t 5 --wrap "sleep 4" >/dev/null
submit --gpus=2 -t 5 --wrap "sleep 8" >/dev/null
submit --gpus=2 -t 5 --wrap "sleep 3; exit 1" >/dev/null # FAILED
submit --gpus=4 -t 1 --wrap "sleep 600" >/dev/null       # TIMEOUT after its minute
cancelled="$(submit --gpus=2 -t 5 --wrap "sleep 600")"   # CANCELLED while running
submit --gpus=1 -t 5 --array=0-2 --wrap "sleep 5" >/dev/null
submit --gpus=2 -t 5 --wrap "sleep 2" >/dev/null

# Cancel the long job a few seconds after it starts.
for _ in $(seq 120); do
    [ "$(squeue -h -j "$cancelled" -o %T 2>/dev/null)" = "RUNNING" ] && break
    sleep 1
done
sleep 4
scancel "$cancelled"
# Wait for the queue to empty (polling squeue: sbatch --wait is seconds late), then for sacct,
# which lags the controller by about a second.
for _ in $(seq 240); do
    [ -z "$(squeue -h -o %i)" ] && break
    sleep 1
done
[ -z "$(squeue -h -o %i)" ] || fail "jobs still queued after 4 minutes"
format=JobID,JobIDRaw,JobName,User,Account,Partition,Submit,Start,End,ElapsedRaw,TimelimitRaw,State,NNodes,NCPUS,AllocTRES,ReqTRES
for _ in $(seq 20); do
    sacct -P -a -X -S "$since" -E now --state=CD,CA,F,TO,OOM,NF,PR,BF,DL --format="$format" >sacct.txt
    [ "$(grep -c . sacct.txt)" -ge 11 ] && break
    sleep 1
done
scontrol show node -o >nodes.txt
echo "==> sacct recorded $(($(grep -c . sacct.txt) - 1)) jobs"
cut -d'|' -f1,8,9,12,15 sacct.txt

"$cli" import slurm sacct.txt --nodes nodes.txt --out ours.json
"$cli" simulate ours.json --scheduler fcfs --jobs-csv replay.csv >/dev/null

python3 - sacct.txt replay.csv <<'PY'
import csv, sys
from datetime import datetime

def when(text):
    return datetime.fromisoformat(text).timestamp()

rows = list(csv.DictReader(open(sys.argv[1]), delimiter='|'))
slurm = {}
for r in rows:
    gpus = 0
    for item in r['AllocTRES'].split(','):
        if item.startswith('gres/gpu='):
            gpus = int(item.split('=')[1])
    slurm[int(r['JobIDRaw'])] = dict(state=r['State'], gpus=gpus, submit=when(r['Submit']),
                                     start=when(r['Start']), end=when(r['End']))
replay = {int(r['id']): r for r in csv.DictReader(open(sys.argv[2]))}
states = ' '.join(sorted({s['state'].split()[0] for s in slurm.values()}))
for wanted in ('COMPLETED', 'FAILED', 'TIMEOUT', 'CANCELLED'):
    if wanted not in states:
        sys.exit(f'FAIL: no {wanted} job in sacct ({states})')
if sorted(slurm) != sorted(replay):
    sys.exit(f'FAIL: jobs differ: slurm {sorted(slurm)}, replay {sorted(replay)}')
first_slurm = min(s['submit'] for s in slurm.values())
first_replay = min(float(r['submit_s']) for r in replay.values())
print(f"{'job':>6} {'state':<12} {'gpus':>4} {'run s':>6} {'slurm start':>11} {'replay start':>12} {'diff':>5}")
for job in sorted(slurm, key=lambda j: (slurm[j]['start'], j)):
    s, r = slurm[job], replay[job]
    run_slurm = s['end'] - s['start']
    run_replay = float(r['end_s']) - float(r['start_s'])
    if int(r['slots']) != s['gpus']:
        sys.exit(f"FAIL: job {job}: {r['slots']} slots in the replay, {s['gpus']} GPUs in Slurm")
    if abs(run_replay - run_slurm) > 1e-6:
        sys.exit(f'FAIL: job {job}: runs {run_replay} s in the replay, {run_slurm} s in Slurm')
    if r['state'] != 'completed':
        sys.exit(f"FAIL: job {job} is {r['state']} in the replay")
    a = s['start'] - first_slurm
    b = float(r['start_s']) - first_replay
    print(f"{job:>6} {s['state'].split()[0]:<12} {s['gpus']:>4} {run_slurm:>6.0f} {a:>11.0f} {b:>12.0f} {a - b:>5.0f}")
order_slurm = sorted(slurm, key=lambda j: (slurm[j]['start'], j))
order_replay = sorted(replay, key=lambda j: (float(replay[j]['start_s']), j))
# A job Slurm started before another, the replay starts no later — except between jobs
# submitted in the same second (an array's tasks), which the replay orders by id and Slurm by
# task index (the last task holds the array's own, lowest id).
ties = 0
for i, a in enumerate(order_slurm):
    for b in order_slurm[i + 1:]:
        if slurm[a]['start'] < slurm[b]['start'] and \
                float(replay[a]['start_s']) > float(replay[b]['start_s']):
            if slurm[a]['submit'] == slurm[b]['submit']:
                ties += 1
                continue
            sys.exit(f'FAIL: Slurm started {a} before {b}, the replay after')
if ties:
    print(f'note: {ties} pairs submitted in the same second start in another order')
print(f'OK: {len(slurm)} jobs, widths, run times and start order match Slurm')
PY
echo "PASS: the Slurm import replays what Slurm ran"
