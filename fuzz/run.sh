#!/usr/bin/env bash
# Runs bilik's fuzzers on the stable toolchain (RUSTC_BOOTSTRAP lets cargo-fuzz use the
# nightly-only sanitizer flags), one target at a time, each for SECONDS seconds.
#
#   fuzz/run.sh 600               # every target, ten minutes each
#   fuzz/run.sh 20 dataset reform # two targets, twenty seconds each
#
# The corpora are seeded from the shipped datasets, the reform presets and the test fixtures.
# A crash stops the run with libFuzzer's report and leaves the input in
# fuzz/artifacts/<target>/; the exit status is then non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset reform config)

seed() {
  local dir="fuzz/corpus/$1"
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    if [ -f "$f" ]; then cp "$f" "$dir/"; fi
  done
}
seed dataset data/*.ron tests/fixtures/valid/*.ron tests/fixtures/broken/*.ron tests/fixtures/bad/*.ron
seed reform data/reforms/*.ron tests/fixtures/reforms/*.ron tests/fixtures/reforms/broken/*.ron
mkdir -p fuzz/corpus/config
printf '(\n    keys: { "quit": ["q", "ctrl-c"], "down": ["j", "ctrl-n"] },\n    theme: { "accent": "magenta", "selected": "#30305a", "high": "lightred" },\n)\n' > fuzz/corpus/config/readme.ron

export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
  echo "==> fuzzing $t for ${seconds}s"
  # -timeout: an input that takes longer than 10 s is reported as a hang.
  cargo fuzz run --fuzz-dir fuzz --sanitizer none "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=262144 -print_final_stats=1
done
