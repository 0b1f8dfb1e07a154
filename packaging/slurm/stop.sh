#!/usr/bin/env bash
# Stops the single-node Slurm cluster start.sh started (slurmd, slurmctld, munged, in that
# order), by the pid files in $HEADROOM_SLURM_DIR. Does nothing for daemons that are not there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"

for daemon in slurmd.run slurmctld.run slurmdbd.run mariadbd munged; do
    stop_daemon "$slurm_dir/$daemon.pid"
done
