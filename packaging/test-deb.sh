#!/usr/bin/env bash
# Packaging test: builds the .deb (and the .tar.gz) from a built tree, installs the .deb on
# this machine, checks that the installed files work on their own, and removes it again.
#
#   packaging/test-deb.sh [BUILD_DIR]      default: build/release
#
# Needs root or sudo (apt-get) and the packages in debian-build-deps.txt (dpkg-dev and file
# for CPack's dependency scan; desktop-file-utils and appstream for the validators, which are
# skipped when missing). Whatever in BUILD_DIR is out of date is built first.
#
# The package is removed again on every exit, so a machine is left as it was found; for that
# reason the script refuses to run while a `headroom` package is already installed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$here/.." && pwd)"
build_arg="${1:-$top/build/release}"
app_id="io.github.headroom.Headroom"
mime_type="application/x-headroom-scenario+json"
start=$(date +%s)

step() { echo "==> $*"; }
fail() {
    echo "test-deb: FAIL: $*" >&2
    exit 1
}
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        fail "needs root or sudo to install the package"
    fi
}
installed() { dpkg-query -W -f='${Status}' headroom 2>/dev/null | grep -q "ok installed"; }

[ -d "$build_arg" ] || fail "no build directory $build_arg (run packaging/bootstrap.sh test first)"
build="$(cd "$build_arg" && pwd)"
[ -f "$build/CPackConfig.cmake" ] || fail "$build is not a configured Headroom build"
for tool in cpack dpkg-deb dpkg-shlibdeps file apt-get; do
    command -v "$tool" >/dev/null || fail "$tool not found (see packaging/debian-build-deps.txt)"
done
if installed; then
    fail "a headroom package is already installed; this test installs and removes its own," \
         "so remove that one first: apt-get remove headroom"
fi

# Scratch space readable by apt's unprivileged download user, so apt-get can open the .deb.
work="$(mktemp -d /tmp/headroom-test-deb.XXXXXX)"
chmod 755 "$work"
we_installed=0
cleanup() {
    local status=$?
    if [ "$we_installed" -eq 1 ]; then
        step "Removing the package"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq -o Dpkg::Use-Pty=0 \
            headroom || status=1
        if installed || [ -e /usr/bin/headroom-cli ] \
            || [ -e "/usr/share/mime/$mime_type.xml" ]; then
            echo "test-deb: FAIL: headroom is still installed after apt-get remove" >&2
            status=1
        else
            echo "headroom removed; its files and MIME type are gone"
        fi
    fi
    cd /
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

# Build first: cpack reads CPackConfig.cmake before its own build step could regenerate it.
step "Building ($build)"
cmake --build "$build"

step "Packaging"
out="$build/packages"
rm -f "$out"/headroom_*.deb "$out"/headroom-*.tar.gz
cpack --config "$build/CPackConfig.cmake" -B "$out" -G "DEB;TGZ"
debs=("$out"/headroom_*.deb)
tgzs=("$out"/headroom-*.tar.gz)
[ "${#debs[@]}" -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one .deb in $out"
[ "${#tgzs[@]}" -eq 1 ] && [ -f "${tgzs[0]}" ] || fail "expected one .tar.gz in $out"
deb="$work/$(basename "${debs[0]}")"
cp "${debs[0]}" "$deb"
chmod 644 "$deb"

step "Package metadata"
dpkg-deb --info "$deb"
version="$(dpkg-deb --field "$deb" Version)"
depends="$(dpkg-deb --field "$deb" Depends)"
# Qt's libraries come from dpkg-shlibdeps; libqt6svg6 (a plugin) is declared by hand.
for pkg in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6; do
    grep -Eq "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends lacks $pkg: $depends"
done
[ "$(dpkg-deb --field "$deb" Section)" = science ] || fail "Section is not science"

contents="$(dpkg-deb --contents "$deb" | awk '{print $6}')"
for path in usr/bin/headroom usr/bin/headroom-cli \
    usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
    usr/share/mime/packages/$app_id.xml usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    usr/share/headroom/examples/two-rack-h100.json usr/share/headroom/catalog/hardware.json; do
    grep -qx "\./$path" <<<"$contents" || fail "the package lacks /$path"
done
for size in 16 24 32 48 64 128 256 512; do
    grep -qx "\./usr/share/icons/hicolor/${size}x$size/apps/$app_id.png" <<<"$contents" \
        || fail "the package lacks the ${size}x$size icon"
done

echo "Files:"
sed 's/^/  /' <<<"$contents" | grep -v '/$'

step "Tarball"
tar -xzf "${tgzs[0]}" -C "$work"
tree="$work/$(basename "${tgzs[0]}" .tar.gz)"
[ "$("$tree/bin/headroom-cli" --version)" = "headroom-cli $version" ] \
    || fail "the tarball's headroom-cli does not report version $version"
[ -f "$tree/share/headroom/catalog/hardware.json" ] || fail "the tarball lacks the catalog"

step "Installing $(basename "$deb")"
we_installed=1
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Use-Pty=0 "$deb"
installed || fail "apt-get did not install headroom"
[ "$(dpkg-query -S /usr/bin/headroom-cli | cut -d: -f1)" = headroom ] \
    || fail "/usr/bin/headroom-cli does not belong to the package"

# Everything below runs the installed files only: from an empty directory, with a fresh home
# (no settings or autosave from a developer's session) and nothing from the build tree.
cd "$work"
mkdir -p home
mkdir -m 700 runtime
export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
unset LD_LIBRARY_PATH QT_PLUGIN_PATH

step "headroom-cli --version"
cli_version="$(/usr/bin/headroom-cli --version)"
echo "$cli_version"
[ "$cli_version" = "headroom-cli $version" ] || fail "expected 'headroom-cli $version'"

step "headroom --version (offscreen)"
gui_version="$(QT_QPA_PLATFORM=offscreen /usr/bin/headroom --version)"
echo "$gui_version"
[ "$gui_version" = "Headroom $version" ] || fail "expected 'Headroom $version'"

step "headroom starts on the installed example (offscreen, 3 s)"
status=0
QT_QPA_PLATFORM=offscreen timeout 3 /usr/bin/headroom \
    /usr/share/headroom/examples/two-rack-h100.json || status=$?
[ "$status" -eq 124 ] || fail "headroom exited with status $status instead of running"
echo "running after 3 s"

step "Simulating the installed example"
/usr/bin/headroom-cli simulate /usr/share/headroom/examples/two-rack-h100.json \
    --metrics-json "$work/metrics.json" --quiet \
    || fail "the installed example does not simulate"
grep -E '"jobs_completed": *[0-9]+' "$work/metrics.json" || fail "no jobs_completed in metrics"
grep -Eq '"jobs_completed": *[1-9]' "$work/metrics.json" || fail "no job completed"

step "Loading the installed hardware catalog"
/usr/bin/headroom-cli simulate /usr/share/headroom/catalog/hardware.json \
    --metrics-json "$work/catalog-metrics.json" --quiet \
    || fail "the installed catalog does not load"

step "Desktop entry and AppStream metadata"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "/usr/share/applications/$app_id.desktop" \
        || fail "desktop-file-validate rejects the desktop entry"
    echo "desktop-file-validate: ok"
else
    echo "desktop-file-validate not installed (desktop-file-utils); skipped"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" \
        || fail "appstreamcli rejects the metainfo"
else
    echo "appstreamcli not installed (appstream); skipped"
fi

step "MIME type"
if command -v update-mime-database >/dev/null; then
    # shared-mime-info's dpkg trigger compiles share/mime/packages into the database.
    [ -f "/usr/share/mime/${mime_type}.xml" ] || fail "the MIME database does not know $mime_type"
    # How GLib-based file managers (GNOME, Xfce) type files: by the .headroom.json glob, by
    # content when no glob matches, and plain .json must stay someone else's.
    if command -v gio >/dev/null; then
        type_of() {
            cp /usr/share/headroom/examples/two-rack-h100.json "$work/$1"
            gio info -a standard::content-type "$work/$1" \
                | sed -n 's/^ *standard::content-type: //p'
        }
        got="$(type_of plan.headroom.json)" && echo "plan.headroom.json: $got"
        [ "$got" = "$mime_type" ] || fail "plan.headroom.json is $got, expected $mime_type"
        got="$(type_of plan)" && echo "plan (no extension): $got"
        [ "$got" = "$mime_type" ] || fail "plan is $got, expected $mime_type"
        got="$(type_of plan.json)" && echo "plan.json: $got"
        [ "$got" != "$mime_type" ] || fail "plain .json files are claimed as $mime_type"
    fi
else
    echo "shared-mime-info not installed; MIME database checks skipped"
fi
if [ -f /usr/share/applications/mimeinfo.cache ]; then
    grep -q "^$mime_type=.*$app_id.desktop" /usr/share/applications/mimeinfo.cache \
        || fail "mimeinfo.cache does not offer Headroom for $mime_type"
    echo "mimeinfo.cache: $mime_type -> $app_id.desktop"
fi

echo "==> Packaging test passed in $(($(date +%s) - start)) s"
