#!/usr/bin/env bash
# Starts a single-node Slurm 22.05 cluster on this machine without systemd (packages from
# install.sh): munged, slurmctld and slurmd, each started directly with its log and pid file in
# $HEADROOM_SLURM_DIR (default /tmp/headroom-slurm). Needs root (or sudo). When it returns, the
# node is idle and `. "$HEADROOM_SLURM_DIR/env.sh"` points the clients at the cluster.
# Stop it with stop.sh. Safe to run again: it stops what runs there first.
#
# What makes Slurm start without systemd, cgroups or DNS (measured on Debian 12, Slurm 22.05.8):
#  - slurmd always loads a cgroup plugin, and its autodetection fails without a mounted cgroup
#    file system or on hybrid v1/v2 hosts: cgroup.conf says CgroupPlugin=cgroup/v1, with
#    ProctrackType=proctrack/linuxproc and TaskPlugin=task/none nothing uses it;
#  - SlurmctldHost=NAME(127.0.0.1) and NodeAddr=127.0.0.1: no name lookups;
#  - SlurmdParameters=config_overrides: the node may claim more CPUs than the machine has, so
#    an array's tasks run at once on a small CI machine.
#
# Accounting (issue 14: sacct for imports) slots in here: start mariadbd and slurmdbd after
# munged and before slurmctld, and set AccountingStorageType=accounting_storage/slurmdbd (with
# AccountingStorageTRES=gres/gpu for fake GPUs) in write_config; stop.sh stops them in reverse.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"

node="$(hostname -s)"
cpus="${HEADROOM_SLURM_CPUS:-8}"

"$here/stop.sh"
as_root mkdir -p "$slurm_dir/state" "$slurm_dir/spool" "$slurm_dir/munge"
as_root chmod 755 "$slurm_dir"

write_config() {
    as_root tee "$slurm_dir/slurm.conf" >/dev/null <<CONF
# Single-node test cluster written by packaging/slurm/start.sh.
ClusterName=headroom
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$slurm_dir/munge/munge.socket
CryptoType=crypto/munge
StateSaveLocation=$slurm_dir/state
SlurmdSpoolDir=$slurm_dir/spool
SlurmctldPidFile=$slurm_dir/slurmctld.pid
SlurmdPidFile=$slurm_dir/slurmd.pid
SlurmctldLogFile=$slurm_dir/slurmctld.log
SlurmdLogFile=$slurm_dir/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SlurmdParameters=config_overrides
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
    as_root tee "$slurm_dir/cgroup.conf" >/dev/null <<CONF
CgroupPlugin=cgroup/v1
CONF
    as_root tee "$slurm_dir/env.sh" >/dev/null <<ENV
export SLURM_CONF=$slurm_dir/slurm.conf
ENV
}

write_config
export SLURM_CONF="$slurm_dir/slurm.conf"

echo "==> Starting munged"
as_root chown munge:munge "$slurm_dir/munge"
start_daemon "$slurm_dir/munged.log" "$slurm_dir/munged.pid" \
    runuser -u munge -- munged --foreground --socket="$slurm_dir/munge/munge.socket" \
    --pid-file="$slurm_dir/munge/munged.pid" --log-file="$slurm_dir/munge/munged.log" \
    --seed-file="$slurm_dir/munge/munged.seed"
wait_for 10 munge --socket="$slurm_dir/munge/munge.socket" -n \
    || { echo "munged did not start; see $slurm_dir/munged.log" >&2; exit 1; }

echo "==> Starting slurmctld"
start_daemon "$slurm_dir/slurmctld.out" "$slurm_dir/slurmctld.run.pid" \
    slurmctld -D -i -f "$slurm_dir/slurm.conf"
wait_for 30 scontrol ping \
    || { echo "slurmctld did not start; see $slurm_dir/slurmctld.log" >&2; exit 1; }

echo "==> Starting slurmd"
start_daemon "$slurm_dir/slurmd.out" "$slurm_dir/slurmd.run.pid" \
    slurmd -D -N "$node" -f "$slurm_dir/slurm.conf"
node_idle() { [ "$(sinfo -h -n "$node" -o %T)" = "idle" ]; }
wait_for 30 node_idle \
    || { echo "slurmd did not come up; see $slurm_dir/slurmd.log" >&2; sinfo >&2 || true; exit 1; }
echo "==> Slurm is up: node $node idle with $cpus CPUs; . $slurm_dir/env.sh"
