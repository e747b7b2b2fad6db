#!/bin/sh
# Issue 11 §1 bar, whole process: starts `./printmail lab` (Web Config on a free loopback
# port, fresh data folder), holds 200 half-open TLS + 50 header-trickling connections from
# 127.0.0.1 for SECONDS (default 120) while an admin on 127.0.0.2 logs in and loads every page,
# then checks the lab process's threads and file descriptors are back to their baseline (taken
# after a warm-up and 60 s at rest; compared 60 s after the attack) and stops the lab. Loopback only, bounded, self-stopping. Usage: webconfig-attack.sh [SECONDS]
set -e
cd "$(dirname "$0")/../../../.."
SECONDS_TO_RUN="${1:-120}"
CP="$(tests/src/test/bench/bench-classpath.sh)"
DATA="$(mktemp -d /tmp/webconfig-attack.XXXXXX)"
LOG="$DATA/lab.log"
./printmail lab --no-panel --data-dir "$DATA/device" --web-port 0 >"$LOG" 2>&1 &
LAB=$!
stop_lab() { kill "$LAB" 2>/dev/null || true; wait "$LAB" 2>/dev/null || true; rm -rf "$DATA"; }
trap stop_lab EXIT INT TERM
i=0
until grep -q "Web Config:" "$LOG"; do
  i=$((i + 1)); [ "$i" -gt 240 ] && { echo "lab did not start:"; cat "$LOG"; exit 1; }
  sleep 0.5
done
URL="$(sed -n 's/.*Web Config: *\(https:[^ ]*\).*/\1/p' "$LOG" | head -1)"
PID="$(pgrep -P "$LAB" java || echo "$LAB")"
threads() { ls "/proc/$PID/task" | wc -l; }
fds() { ls "/proc/$PID/fd" | wc -l; }
java -cp "$CP" org.printmail.bench.WebConfigAttackBench "$URL" lab-admin-TEST-ONLY 0
sleep 60 # page threads started by the warm-up end (one per 5 s idle), as on a device at rest
names() { cat /proc/"$PID"/task/*/comm | sort | uniq -c | sort -rn; }
names >"$DATA/threads-before"
echo "Web Config $URL, lab pid $PID: baseline $(threads) threads, $(fds) file descriptors"
( while kill -0 "$LAB" 2>/dev/null; do echo "$(threads) $(fds)" >>"$DATA/samples"; sleep 2; done ) &
SAMPLER=$!
STATUS=0
java -cp "$CP" org.printmail.bench.WebConfigAttackBench "$URL" lab-admin-TEST-ONLY \
  "$SECONDS_TO_RUN" 200 50 || STATUS=$?
PEAK="$(sort -n -k1 "$DATA/samples" | tail -1 | cut -d' ' -f1) threads, $(sort -n -k2 "$DATA/samples" | tail -1 | cut -d' ' -f2) file descriptors"
echo "peak during the attack (sampled every 2 s): $PEAK"
sleep 60
kill "$SAMPLER" 2>/dev/null || true
echo "60 s after the attack: $(threads) threads, $(fds) file descriptors"
names >"$DATA/threads-after"
echo "threads by name, before -> after:"; diff "$DATA/threads-before" "$DATA/threads-after" || true
exit $STATUS
