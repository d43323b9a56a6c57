#!/bin/sh
# A chain of N bodies for the scaling case of issue 11 item 3: the electorate elects b1 (the
# head of state), and each of b2..b{N-1} is appointed by the body before it, so control runs
# down a path N long. Compact (about 166 bytes a body), so that 100,000 bodies (16.6 MB) stay
# under the default 16 MiB input cap.
# Usage: benches/chain.sh N > chain-N.ron
set -eu
n=${1:?usage: chain.sh N}
awk -v n="$n" 'BEGIN {
    printf "(id:\"chain-%d\",title:\"Chain of %d bodies\",jurisdiction:\"Synthetic\",as_of:\"2026-01-01\",bodies:[\n", n, n
    printf "(id:\"electorate\",name:(en:\"E\",ru:\"E\",kk:\"E\"),branch:electorate,role:electorate,seats:1,source:\"a\"),\n"
    printf "(id:\"b1\",name:(en:\"B1\",ru:\"B1\",kk:\"B1\"),branch:executive,role:head_of_state,seats:1,source:\"a\",channels:[(id:\"c\",seats:1,steps:[(actor:\"electorate\",role:elect)],source:\"a\")]),\n"
    for (i = 2; i < n; i++)
        printf "(id:\"b%d\",name:(en:\"B%d\",ru:\"B%d\",kk:\"B%d\"),branch:local,seats:1,source:\"a\",channels:[(id:\"c\",seats:1,steps:[(actor:\"b%d\",role:appoint)],source:\"a\")]),\n", i, i, i, i, i - 1
    printf "],edges:[])\n"
}'
