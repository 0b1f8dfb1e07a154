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
# With --accounting (install.sh --accounting first) it also starts mariadbd and slurmdbd, so
# that sacct works (the Slurm import test, tests/slurm/run_slurm_import_test.sh), and gives the
# node 8 fake GPUs (gres.conf File= entries are symlinks to /dev/null; plain files are refused)
# recorded by AccountingStorageTRES=gres/gpu, under sched/builtin, strict FIFO:
#  - mariadb-install-db needs --force --skip-name-resolve when the host name does not resolve,
#    and its socket directory must belong to the mysql user (created here if missing);
#  - mariadbd listens on 127.0.0.1 only; slurmdbd reaches it over TCP as user slurm.
set -euo pipefail
accounting=0
[ "${1:-}" = "--accounting" ] && accounting=1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"

node="$(hostname -s)"
cpus="${HEADROOM_SLURM_CPUS:-8}"

"$here/stop.sh"
as_root mkdir -p "$slurm_dir/state" "$slurm_dir/spool" "$slurm_dir/munge"
as_root chmod 755 "$slurm_dir"

scheduler=sched/backfill
accounting_conf="AccountingStorageType=accounting_storage/none"
node_gres=""
if [ "$accounting" = 1 ]; then
    scheduler=sched/builtin
    accounting_conf="AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=127.0.0.1
AccountingStoragePort=6819
AccountingStoragePass=$slurm_dir/munge/munge.socket
AccountingStorageTRES=gres/gpu
GresTypes=gpu"
    node_gres="Gres=gpu:8"
fi

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
SchedulerType=$scheduler
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
$accounting_conf
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus $node_gres State=UNKNOWN
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

if [ "$accounting" = 1 ]; then
    echo "==> Starting mariadbd"
    id mysql >/dev/null 2>&1 || as_root useradd --system --no-create-home --shell /bin/false mysql
    for i in 0 1 2 3 4 5 6 7; do as_root ln -sf /dev/null "$slurm_dir/gpu$i"; done
    as_root tee "$slurm_dir/gres.conf" >/dev/null <<CONF
AutoDetect=off
NodeName=$node Name=gpu File=$slurm_dir/gpu[0-7]
CONF
    as_root mkdir -p "$slurm_dir/mysql" "$slurm_dir/mysqld"
    as_root chown mysql:mysql "$slurm_dir/mysql" "$slurm_dir/mysqld"
    as_root mariadb-install-db --user=mysql --datadir="$slurm_dir/mysql" --force \
        --skip-name-resolve --skip-test-db >"$slurm_dir/mariadb-install.log" 2>&1 \
        || { echo "mariadb-install-db failed; see $slurm_dir/mariadb-install.log" >&2; exit 1; }
    start_daemon "$slurm_dir/mariadbd.log" "$slurm_dir/mariadbd.pid" \
        mariadbd --no-defaults --user=mysql --datadir="$slurm_dir/mysql" \
        --socket="$slurm_dir/mysqld/mysqld.sock" --bind-address=127.0.0.1 --port=3306 \
        --skip-name-resolve
    sql() { as_root mariadb --no-defaults --socket="$slurm_dir/mysqld/mysqld.sock" -u root "$@"; }
    wait_for 30 sql -e "select 1" \
        || { echo "mariadbd did not start; see $slurm_dir/mariadbd.log" >&2; exit 1; }
    sql -e "CREATE USER IF NOT EXISTS 'slurm'@'127.0.0.1' IDENTIFIED BY 'headroom';
            GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';"

    echo "==> Starting slurmdbd"
    as_root tee "$slurm_dir/slurmdbd.conf" >/dev/null <<CONF
AuthType=auth/munge
AuthInfo=socket=$slurm_dir/munge/munge.socket
DbdHost=$node
DbdAddr=127.0.0.1
DbdPort=6819
SlurmUser=root
PidFile=$slurm_dir/slurmdbd.pid
LogFile=$slurm_dir/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=3306
StorageUser=slurm
StoragePass=headroom
StorageLoc=slurm_acct_db
CONF
    as_root chmod 600 "$slurm_dir/slurmdbd.conf"
    # slurmdbd reads slurmdbd.conf next to $SLURM_CONF.
    start_daemon "$slurm_dir/slurmdbd.out" "$slurm_dir/slurmdbd.run.pid" \
        env SLURM_CONF="$slurm_dir/slurm.conf" slurmdbd -D
    dbd_up() { as_root bash -c "exec 3<>/dev/tcp/127.0.0.1/6819"; }
    wait_for 30 dbd_up \
        || { echo "slurmdbd did not start; see $slurm_dir/slurmdbd.log" >&2; exit 1; }
fi

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
