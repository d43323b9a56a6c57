#!/usr/bin/env python3
"""Whole-process time of a small export, the way a user waits for it.

Usage: python3 benches/small.py RUNS DATASET BIN [BIN ...]
Runs `BIN export --format json --data DATASET > /dev/null` RUNS times for each binary, the
binaries interleaved in each round, and prints the median (min-max) in milliseconds.
Example: python3 benches/small.py 40 kz-2022 target/release/bilik /path/to/older/bilik
"""
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs, dataset, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    times = {b: [] for b in bins}
    for _ in range(runs):
        for b in bins:
            start = time.perf_counter()
            subprocess.run(
                [b, "export", "--format", "json", "--data", dataset],
                stdout=subprocess.DEVNULL,
                check=True,
            )
            times[b].append((time.perf_counter() - start) * 1000)
    for b in bins:
        t = times[b]
        print(f"{b}: {statistics.median(t):.1f} ms ({min(t):.1f}-{max(t):.1f}), {runs} runs")


if __name__ == "__main__":
    main()
