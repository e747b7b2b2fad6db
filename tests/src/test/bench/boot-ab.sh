#!/bin/sh
# Two builds of the firmware image against each other: alternating boots, each image with its own
# data folder and its own CDS archive (recorded by a first run), the launcher's JVM flags; prints
# each round, the median time from process start to the first log-in page over HTTPS, the median
# CPU spent by then, and the median of the per-round ratios. The client polls from one warm JVM
# (BootBudgetBench --ab), not by starting a process every 5 ms, which took CPU from the boots.
# Used for the "what each change saved" rows of docs/benchmarks.md (issue 12).
# Usage: boot-ab.sh ROUNDS DIST_A DIST_B   (a DIST is a copy of firmware/target/dist)
# A shared machine: prefer `nice -n -15`.
set -e
A=$(cd "$2" && pwd); B=$(cd "$3" && pwd)
exec "$(dirname "$0")/boot-budget.sh" --ab "$1" "$A" "$B"
