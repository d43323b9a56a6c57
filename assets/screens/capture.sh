#!/usr/bin/env bash
# Regenerates the text captures of every view in this folder: runs bilik in tmux at 100x30,
# presses the keys of each view and saves what the screen shows.
# Usage: assets/screens/capture.sh [path/to/bilik]   (default: target/release/bilik)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/release/bilik}
socket=bilik-capture
dir=assets/screens
tmux -L $socket kill-server 2>/dev/null || true
# --fresh: not the session a user left; a state folder of its own: the capture saves none.
state=$(mktemp -d)
tmux -L $socket -f /dev/null new-session -d -s cap -x 100 -y 30 \
  "XDG_STATE_HOME=$state $bin --fresh; sleep 60"
sleep 1
shot() { # name keys...
  local name=$1; shift
  for k in "$@"; do tmux -L $socket send-keys -t cap "$k"; sleep 0.2; done
  sleep "${wait:-0.3}"
  tmux -L $socket capture-pane -p -t cap > "$dir/$name.txt"
}
shot 1-bodies
shot 2-bodies-detail l j j j j j j j j j j j j j j j j j j j j j j j j j
shot 3-graph h 2
shot 4-graph-overview o
shot 5-matrix o 3 l s
shot 6-flags 4
shot 7-weights 5 j j - - - - -
shot 8-help 1 '?'
shot 9-kazakh Escape L L
shot 10-reforms L 6 j j j j Space j j j j j Space
wait=5 shot 11-compare r 5 r 7  # the comparison takes a moment to measure
tmux -L $socket kill-server
rm -rf "$state"
echo "captured: $(ls $dir/*.txt | wc -l) screens"
