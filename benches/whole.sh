#!/bin/sh
# Whole-process timings of `bilik export --format json` on synthetic states, against the
# networkx + scipy reference path (benches/peer/peer.py) computing the same control values.
#
# Usage: benches/whole.sh [SIZES...]        (default: 1000 10000; 100000 needs
#                                            BILIK_MAX_INPUT_BYTES=128M, read by bilik and by
#                                            examples/system alike)
# Environment: RUNS (default 5) runs per figure; PYTHON (default: a venv under target/ with
# networkx, scipy and numpy from PyPI, created on the first run); SEED (default 1).
#
# For each size it prints the median wall time with min-max and the peak RSS of bilik, the
# peer's whole path (a fresh Python process: imports, load, build, spsolve; and the same with
# the iterative solver), their ratio, and the largest difference of the peer's two solutions
# from bilik's full-precision values (examples/system.rs), which must stay under 1e-9.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-5}
seed=${SEED:-1}
sizes=${*:-1000 10000}
work=$root/target/whole
mkdir -p "$work"

cargo build --release --quiet --bin bilik --example synth --example system
bilik=$root/target/release/bilik

if [ -z "${PYTHON:-}" ]; then
    venv=$root/target/peer-venv
    if ! "$venv/bin/python" -c 'import networkx, scipy, numpy' 2>/dev/null; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet networkx scipy numpy
    fi
    PYTHON=$venv/bin/python
fi

# median, min and max of the numbers on stdin
stats() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f (%.3f-%.3f)", m, a[1], a[NR]}'; }
# wall seconds of a `/usr/bin/time -v` log
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }

echo "machine: $(nproc) cores, $(uname -srm); load: $(uptime | sed 's/.*load average: //')"
printf '%-8s %-24s %-8s %-24s %-24s %-8s %-9s %s\n' bodies "bilik export json (s)" "RSS MiB" "peer spsolve path (s)" "peer in-process (s)" "ratio" "peer RSS" "max |diff| (spsolve, iterative)"
for n in $sizes; do
    ron=$work/synth-$n.ron
    [ -s "$ron" ] || "$root/target/release/examples/synth" --bodies "$n" --seed "$seed" >"$ron"
    sys=$work/system-$n.json
    [ -s "$sys" ] || "$root/target/release/examples/system" "$ron" >"$sys"
    : >"$work/b.$n"; : >"$work/p.$n"; : >"$work/pi.$n"
    i=0
    while [ $i -lt "$runs" ]; do
        /usr/bin/time -v "$bilik" export --data "$ron" --format json 2>"$work/time.b" >"$work/out-$n.json"
        wall "$work/time.b" >>"$work/b.$n"
        brss=$(rss "$work/time.b")
        /usr/bin/time -v "$PYTHON" benches/peer/peer.py "$sys" 2>"$work/time.p" >"$work/peer-$n.json"
        wall "$work/time.p" >>"$work/p.$n"
        prss=$(rss "$work/time.p")
        "$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["load_s"]+d["build_s"]+d["spsolve_s"])' "$work/peer-$n.json" >>"$work/pi.$n"
        i=$((i + 1))
    done
    b=$(stats <"$work/b.$n"); p=$(stats <"$work/p.$n"); pi=$(stats <"$work/pi.$n")
    ratio=$(awk -v b="${b%% *}" -v p="${p%% *}" 'BEGIN {printf "%.3f", b/p}')
    diff=$("$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.1e, %.1e" % (d["max_diff_spsolve"], d["max_diff_iterative"]))' "$work/peer-$n.json")
    printf '%-8s %-24s %-8s %-24s %-24s %-8s %-9s %s\n' "$n" "$b" "$brss" "$p" "$pi" "$ratio" "$prss" "$diff"
done
echo "ratio: bilik's whole process / the peer's whole process (median / median); under 0.1 is 10x faster."
