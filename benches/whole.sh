#!/bin/sh
# Whole-process timings of `bilik export --format json` on synthetic states, against the
# networkx + scipy reference path (benches/peer/peer.py) computing the same control values.
#
# Usage: benches/whole.sh [SIZES...]        (default: 1000 10000; 100000 needs
#                                            BILIK_MAX_INPUT_BYTES=128M, read by bilik and by
#                                            examples/system alike)
# Environment:
#   RUNS    runs per figure (default 5)
#   SEED    seed of the synthetic states (default 1)
#   BILIK   an already built bilik to time; without it the release binary is built first
#   SYNTH, SYSTEM
#           already built examples/synth and examples/system (a debug build does: `system`
#           only writes the peer's input, outside the timings); without them the release
#           examples are built, but only when a state or a system file is missing
#   STATES  where the synthetic states are, with %s for the size (e.g. /tmp/an-s%s.ron);
#           default target/whole/synth-%s.ron, generated when missing
#   PYTHON  a Python with networkx, scipy and numpy (default: a venv under target/ from PyPI,
#           created on the first run)
# With BILIK (and SYNTH/SYSTEM or existing files) nothing is compiled, so the script runs
# on a loaded machine where a release build takes many minutes.
#
# For each size it prints the median wall time with min-max, the median CPU time (user +
# system: the figure to compare when the machine is shared) and the peak RSS of bilik and of
# the peer's whole path (a fresh Python process: imports, load, build, spsolve; and the same
# with the iterative solver), their ratios, the load average, and the largest difference of
# the peer's two solutions from bilik's full-precision values (examples/system.rs), which
# must stay under 1e-9.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-5}
seed=${SEED:-1}
sizes=${*:-1000 10000}
work=$root/target/whole
mkdir -p "$work"

if [ -n "${BILIK:-}" ]; then
    bilik=$BILIK
else
    cargo build --release --quiet --bin bilik
    bilik=$root/target/release/bilik
fi
synth=${SYNTH:-$root/target/release/examples/synth}
system=${SYSTEM:-$root/target/release/examples/system}
states=${STATES:-$work/synth-%s.ron}
# An example is built only when it is needed and missing (and only the release one: a path
# given in SYNTH or SYSTEM must exist).
example() {
    [ -x "$2" ] && return
    if [ "$2" != "$root/target/release/examples/$1" ]; then
        echo "whole.sh: $2 is not an executable; build it or leave it out" >&2
        exit 1
    fi
    cargo build --release --quiet --example "$1"
}

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
# user + system CPU seconds of a `/usr/bin/time -v` log
cpu() { awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
load() { cut -d' ' -f1 /proc/loadavg; }

echo "machine: $(nproc) cores, $(uname -srm); bilik: $bilik; load: $(uptime | sed 's/.*load average: //')"
printf '%-7s %-22s %-22s %-6s %-22s %-22s %-22s %-6s %-6s %-6s %-9s %s\n' bodies "bilik wall (s)" "bilik CPU (s)" "RSS MiB" "peer wall (s)" "peer CPU (s)" "peer in-process (s)" "wall ratio" "CPU ratio" "peer MiB" "load" "max |diff| (spsolve, iterative)"
for n in $sizes; do
    # shellcheck disable=SC2059
    ron=$(printf "$states" "$n")
    if [ ! -s "$ron" ]; then
        example synth "$synth"
        "$synth" --bodies "$n" --seed "$seed" >"$ron"
    fi
    sys=$work/system-$n-$(basename "$ron" .ron).json
    if [ ! -s "$sys" ]; then
        example system "$system"
        "$system" "$ron" >"$sys"
    fi
    : >"$work/b.$n"; : >"$work/bc.$n"; : >"$work/p.$n"; : >"$work/pc.$n"; : >"$work/pi.$n"; : >"$work/l.$n"
    i=0
    while [ $i -lt "$runs" ]; do
        load >>"$work/l.$n"
        /usr/bin/time -v "$bilik" export --data "$ron" --format json 2>"$work/time.b" >"$work/out-$n.json"
        wall "$work/time.b" >>"$work/b.$n"
        cpu "$work/time.b" >>"$work/bc.$n"
        brss=$(rss "$work/time.b")
        /usr/bin/time -v "$PYTHON" benches/peer/peer.py "$sys" 2>"$work/time.p" >"$work/peer-$n.json"
        wall "$work/time.p" >>"$work/p.$n"
        cpu "$work/time.p" >>"$work/pc.$n"
        prss=$(rss "$work/time.p")
        "$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["load_s"]+d["build_s"]+d["spsolve_s"])' "$work/peer-$n.json" >>"$work/pi.$n"
        i=$((i + 1))
    done
    b=$(stats <"$work/b.$n"); bc=$(stats <"$work/bc.$n")
    p=$(stats <"$work/p.$n"); pc=$(stats <"$work/pc.$n"); pi=$(stats <"$work/pi.$n")
    l=$(stats <"$work/l.$n")
    ratio=$(awk -v b="${b%% *}" -v p="${p%% *}" 'BEGIN {printf "%.3f", b/p}')
    cratio=$(awk -v b="${bc%% *}" -v p="${pc%% *}" 'BEGIN {printf "%.3f", b/p}')
    diff=$("$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.1e, %.1e" % (d["max_diff_spsolve"], d["max_diff_iterative"]))' "$work/peer-$n.json")
    printf '%-7s %-22s %-22s %-6s %-22s %-22s %-22s %-6s %-6s %-6s %-9s %s\n' "$n" "$b" "$bc" "$brss" "$p" "$pc" "$pi" "$ratio" "$cratio" "$prss" "${l%% *}" "$diff"
done
echo "ratios: bilik's whole process / the peer's whole process (median / median), by wall and by CPU (user + system); under 0.1 is 10x faster. load: the 1-minute load average before each run (median)."
