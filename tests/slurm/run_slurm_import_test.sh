#!/usr/bin/env bash
# The Slurm import against a real Slurm (docs/design.md §9): starts a single-node Slurm 22.05
# with accounting (packaging/slurm/start.sh --accounting: slurmdbd, MariaDB, 8 fake GPUs,
# strict FIFO), runs short jobs of different widths and lengths — one that fails, one that
# times out, one cancelled while running, and two arrays and a job submitted in one second —
# captures `sacct -P` (the format of §9) and `scontrol show node -o`, imports them with
# `headroom-cli import slurm`, replays with fcfs, and checks that the replay has Slurm's jobs
# with Slurm's widths and run times, and starts them in Slurm's order, the jobs of one second
# included. Prints each job's start in both (Slurm adds about a second per start). Needs root or sudo; about 2 minutes (the time-out job runs out its 1-minute limit).
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
# Most jobs a second apart (sacct records times to the second); the last group together, in
# the same second when the machine is quick enough, to check the order Slurm gives jobs
# submitted in one second (an array's tasks by task index, after the jobs before the array).
sbatch_quiet() { sbatch --parsable -o /dev/null -e /dev/null "$@"; }
submit() {
    sbatch_quiet "$@"
    sleep 1.1
}
# In FIFO order on 8 GPUs: wide and narrow, short and long.
submit --gpus=4 -t 5 --wrap "sleep 6" >/dev/null
submit --gpus=8 -t 5 --wrap "sleep 4" >/dev/null
submit --gpus=2 -t 5 --wrap "sleep 8" >/dev/null
submit --gpus=2 -t 5 --wrap "sleep 3; exit 1" >/dev/null # FAILED
submit --gpus=4 -t 1 --wrap "sleep 600" >/dev/null       # TIMEOUT after its minute
cancelled="$(submit --gpus=2 -t 5 --wrap "sleep 600")"   # CANCELLED while running
# Early in a second, so that the next three submissions share it: an array whose tasks run
# 3, 4 and 5 s (told apart by their run times), a job, and a second array.
while [ "$(date +%N | cut -c1)" != 0 ]; do sleep 0.02; done
sbatch_quiet --gpus=1 -t 5 --array=0-2 --wrap 'sleep $((3 + SLURM_ARRAY_TASK_ID))' >/dev/null
sbatch_quiet --gpus=2 -t 5 --wrap "sleep 2" >/dev/null
sbatch_quiet --gpus=1 -t 5 --array=0-1 --wrap 'sleep $((6 + SLURM_ARRAY_TASK_ID))' >/dev/null

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
    [ "$(grep -c . sacct.txt)" -ge 13 ] && break
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
    array, _, task = r['JobID'].partition('_')
    slurm[int(r['JobIDRaw'])] = dict(state=r['State'], gpus=gpus, submit=when(r['Submit']),
                                     start=when(r['Start']), end=when(r['End']),
                                     rank=(int(array), int(task) if task else -1),
                                     name=r['JobID'])
# The import's ids (docs/design.md §9): the jobs of each submit second take that second's
# JobIDRaws in the order Slurm starts them, array id then task index.
replay_id = {}
for second in {s['submit'] for s in slurm.values()}:
    group = sorted((j for j in slurm if slurm[j]['submit'] == second),
                   key=lambda j: slurm[j]['rank'])
    for job, id in zip(group, sorted(group)):
        replay_id[job] = id
shared = [s['name'] for s in slurm.values()
          if sum(t['submit'] == s['submit'] for t in slurm.values()) > 1]
print(f"submitted in a second shared with other jobs: {' '.join(sorted(shared)) or 'none'}")
renamed = [f"{slurm[j]['name']} ({j} -> {replay_id[j]})" for j in sorted(slurm) if replay_id[j] != j]
print(f"ids not JobIDRaw: {', '.join(renamed) or 'none'}")
by_id = {int(r['id']): r for r in csv.DictReader(open(sys.argv[2]))}
replay = {job: by_id[id] for job, id in replay_id.items() if id in by_id}
states = ' '.join(sorted({s['state'].split()[0] for s in slurm.values()}))
for wanted in ('COMPLETED', 'FAILED', 'TIMEOUT', 'CANCELLED'):
    if wanted not in states:
        sys.exit(f'FAIL: no {wanted} job in sacct ({states})')
if sorted(slurm) != sorted(by_id):
    sys.exit(f'FAIL: jobs differ: slurm {sorted(slurm)}, replay {sorted(by_id)}')
first_slurm = min(s['submit'] for s in slurm.values())
first_replay = min(float(r['submit_s']) for r in replay.values())
print(f"{'job':>8} {'state':<12} {'gpus':>4} {'run s':>6} {'slurm start':>11} {'replay start':>12} {'diff':>5}")
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
    print(f"{s['name']:>8} {s['state'].split()[0]:<12} {s['gpus']:>4} {run_slurm:>6.0f} {a:>11.0f} {b:>12.0f} {a - b:>5.0f}")
# A job Slurm started before another, the replay starts no later: jobs submitted in the
# same second included. One exception is Slurm's, seen in slurmctld's log (docs/design.md §9):
# once some tasks of an array start, the array's pending rest goes behind every job already
# queued, so a task that starts after its array's first does so after those jobs too, which
# the replay (by submit time and id) cannot know.
first_task = {}
for j, s in slurm.items():
    if s['rank'][1] >= 0:
        first_task[s['rank'][0]] = min(first_task.get(s['rank'][0], s['start']), s['start'])
def requeued_behind(a, b):
    array = slurm[b]['rank'][0] if slurm[b]['rank'][1] >= 0 else None
    return array is not None and slurm[b]['start'] > first_task[array] and \
        slurm[a]['submit'] <= first_task[array] and slurm[a]['rank'][0] != array
behind = 0
for a in slurm:
    for b in slurm:
        if slurm[a]['start'] < slurm[b]['start'] and \
                float(replay[a]['start_s']) > float(replay[b]['start_s']):
            if requeued_behind(a, b):
                behind += 1
                continue
            sys.exit(f"FAIL: Slurm started {slurm[a]['name']} before {slurm[b]['name']}, "
                     "the replay after")
if behind:
    print(f"note: {behind} pairs: an array's later task behind jobs queued before its first "
          "started, as Slurm requeues an array's rest")
print(f'OK: {len(slurm)} jobs, widths, run times and start order match Slurm')
PY
echo "PASS: the Slurm import replays what Slurm ran"
