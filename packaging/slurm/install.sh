#!/usr/bin/env bash
# Installs what a single-node Slurm test cluster needs on Debian 12 (Slurm 22.05): munge for
# authentication, slurmctld, slurmd and the clients. Packages already present are skipped.
#
# --accounting adds what sacct needs (issue 14): slurmdbd, mariadb-server-core and
# mariadb-client-core (with --no-install-recommends, like the rest).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"

packages=(munge slurmctld slurmd slurm-client)
# --accounting: what sacct needs (start.sh --accounting).
[ "${1:-}" = "--accounting" ] && packages+=(slurmdbd mariadb-server-core mariadb-client-core)

missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> Installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi
# The package makes a key when it installs; a root without one (a trimmed image) gets one.
if ! as_root test -s /etc/munge/munge.key; then
    as_root mungekey --create --keyfile=/etc/munge/munge.key
    as_root chown munge:munge /etc/munge/munge.key
    as_root chmod 600 /etc/munge/munge.key
fi
