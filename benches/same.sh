#!/bin/sh
# Whether a build of bilik writes the same bytes as another on every embedded dataset and a
# synthetic one: every export format and table, `summary`, and `compare` of all datasets.
# Usage: benches/same.sh OLD_BINARY NEW_BINARY [EXTRA.ron ...]
# Prints one line per difference and exits 1 if there is any.
set -u
old=$1 new=$2
shift 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ids=$("$new" datasets 2>/dev/null | awk '{print $1}')
fail=0
run() { # name, args...
    name=$1; shift
    "$old" "$@" >"$dir/old" 2>&1; echo "exit $?" >>"$dir/old"
    "$new" "$@" >"$dir/new" 2>&1; echo "exit $?" >>"$dir/new"
    if ! cmp -s "$dir/old" "$dir/new"; then
        echo "DIFFERS: $name ($*)"; fail=1
    fi
}
for d in $ids "$@"; do
    for f in json md svg graphml dot mermaid; do run "$d $f" export --data "$d" --format "$f"; done
    for t in bodies edges control flags; do run "$d csv $t" export --data "$d" --format csv --table "$t"; done
    run "$d summary" summary --data "$d"
done
run compare compare $ids
echo "compared $(echo $ids "$@" | wc -w) datasets"
exit $fail
