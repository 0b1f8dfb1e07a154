# Shared by the single-node Slurm scripts in this folder (sourced, not run).
#
# The test cluster lives in one folder, $HEADROOM_SLURM_DIR (default /tmp/headroom-slurm):
# its configuration (slurm.conf, cgroup.conf), state, spool, logs and pid files, and env.sh,
# which exports SLURM_CONF for the clients (sbatch, squeue, sinfo, scontrol).

slurm_dir="${HEADROOM_SLURM_DIR:-/tmp/headroom-slurm}"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Starts "$@" as a daemon of its own, in the foreground mode the caller asked it for: stdin
# from /dev/null, stdout and stderr appended to $1, every other inherited descriptor closed
# (a daemon holding the caller's pipe keeps `cmd | tee`, or a CI step, waiting forever), and
# its pid written to $2 for stop.sh.
start_daemon() {
    local log="$1" pidfile="$2"
    shift 2
    as_root bash -c '
        log="$1"; pidfile="$2"; shift 2
        for fd in /proc/self/fd/*; do
            fd="${fd##*/}"
            if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        setsid "$@" </dev/null >>"$log" 2>&1 &
        echo $! >"$pidfile"
    ' start_daemon "$log" "$pidfile" "$@"
}

# Stops the daemon whose pid is in $1 (if it runs) and waits up to 10 s for it to go.
stop_daemon() {
    local pidfile="$1" pid
    [ -f "$pidfile" ] || return 0
    pid="$(cat "$pidfile")"
    if [ -n "$pid" ] && as_root kill "$pid" 2>/dev/null; then
        for _ in $(seq 100); do
            as_root kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        as_root kill -9 "$pid" 2>/dev/null || true
    fi
    as_root rm -f "$pidfile"
}

# Waits up to $1 seconds for "${@:2}" to succeed.
wait_for() {
    local seconds="$1"
    shift
    for _ in $(seq $((seconds * 10))); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    return 1
}
