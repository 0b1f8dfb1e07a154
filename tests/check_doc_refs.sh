#!/bin/sh
# Every repo-relative path cited in the documentation (README.md, docs/*.md,
# core/io/SCENARIO_FORMAT.md) and in source comments (C++, CMake, shell) must exist.
#
#   tests/check_doc_refs.sh [REPO]     (REPO defaults to the folder above this script)
#
# A citation is a word that starts with one of the repo's top-level folders (core/, ui/, app/,
# report/, tests/, docs/, resources/, cmake/, packaging/, .ci/) and is not part of a longer
# path or a URL. It may name a file or a folder, or be a glob (ui/report/*.h: one match is
# enough). In the Markdown documents, every relative link target must exist as well.
# #include lines are left to the compiler. Prints each missing path with where it is
# cited and exits 1 when there is one.
set -eu
repo=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$repo"

tops='core|ui|app|report|tests|docs|resources|cmake|packaging|\.ci'

# The files of the repo matching the patterns: git's list in a checkout, else every file
# outside build/.
files() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -- "$@"
    else
        for pattern in "$@"; do
            find . -path ./build -prune -o -type f -path "./$pattern" -print | sed 's#^\./##'
        done
    fi
}

# The text to search, one "file:line:text" row each: whole lines of the documents, the
# comment part of source lines.
cited_text() {
    for doc in README.md docs/*.md core/io/SCENARIO_FORMAT.md; do
        [ -f "$doc" ] && grep -Hn '' "$doc"
    done
    files '*.cpp' '*.h' | xargs grep -IHn -e '//' -e '^ *\*' -e '/\*' |
        grep -v '^[^:]*:[0-9]*: *#include' |
        sed -E 's#^([^:]*:[0-9]*:).*(//|/\*|^ *\*)#\1#'
    files '*CMakeLists.txt' '*.cmake' '*.sh' '.ci/*' | xargs grep -IHn '#' |
        sed -E 's#^([^:]*:[0-9]*:)[^#]*\##\1#'
}

missing=0
list=${TMPDIR:-/tmp}/check_doc_refs.$$
# Every citation on a line, with its file:line: not after a letter, digit, '/', '.', '-' or
# '_' (so that build/release/app/x and https://host/core/x are not citations), without the
# punctuation that ends a sentence.
cited_text | awk -v tops="$tops" '
{
    split($0, parts, ":")
    where = parts[1] ":" parts[2]
    text = substr($0, length(where) + 2)
    pattern = "(^|[^A-Za-z0-9_./-])(" tops ")/[A-Za-z0-9_.*/-]*"
    while (match(text, pattern)) {
        path = substr(text, RSTART, RLENGTH)
        text = substr(text, RSTART + RLENGTH)
        sub(/^[^A-Za-z0-9_.]/, "", path)
        sub(/[.,:;-]+$/, "", path)
        if (path != "")
            print path, where
    }
    # The target of a Markdown link is a path relative to the folder of the document.
    if (parts[1] ~ /\.md$/) {
        dir = parts[1]
        if (!sub(/\/[^\/]*$/, "", dir))
            dir = "."
        text = substr($0, length(where) + 2)
        while (match(text, /\]\([^)# ]+/)) {
            target = substr(text, RSTART + 2, RLENGTH - 2)
            text = substr(text, RSTART + RLENGTH)
            if (target !~ /^[a-z]+:/)
                print dir "/" target, where
        }
    }
}' >"$list"

checked=$(wc -l <"$list")
while read -r path where; do
    case "$path" in
    *'*'*)
        # A glob: one match is enough.
        set -- $path
        [ -e "$1" ] && continue
        ;;
    *)
        [ -e "$path" ] && continue
        ;;
    esac
    echo "$where: $path does not exist"
    missing=$((missing + 1))
done <"$list"
rm -f "$list"

if [ "$missing" -gt 0 ]; then
    echo "$missing cited paths do not exist"
    exit 1
fi
echo "every cited path exists ($checked citations)"
