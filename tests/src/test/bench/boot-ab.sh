#!/bin/bash
# Two builds of the firmware image against each other: alternating boots, each image with its own
# data folder and its own CDS archive (recorded by a first run), the launcher's JVM flags; prints
# the median time from process start to the first log-in page over HTTPS and the median CPU spent
# by then. Used for the "what each change saved" rows of docs/benchmarks.md (issue 12).
# Usage: boot-ab.sh ROUNDS DIST_A DIST_B   (a DIST is a copy of firmware/target/dist)
# Needs curl; run from anywhere; a shared machine: prefer `nice -n -15`.
set -e
ROUNDS=$1; A=$(cd "$2" && pwd); B=$(cd "$3" && pwd)
ROOT="$(cd "$(dirname "$0")/../../../.." && pwd)"
FLAGS="-Xmx32m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
export PRINTMAIL_WEB_KEYSTORE_PASSWORD=test-only PRINTMAIL_ADMIN_PASSWORD=boot-ab-TEST-ONLY  # TEST-ONLY keystore
boot() { # DIST CDS-FLAG -> "ms cpu-ms"
  local dist=$1 cds=$2 port t0 t1 pid
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("",0));print(s.getsockname()[1])')
  t0=$(date +%s%N)
  java $FLAGS "$cds" -Xlog:cds=off -Xlog:cds+dynamic=off -Dprintmail.home="$dist" \
    -Djava.util.logging.config.file="$dist/firmware-config/logging.properties" \
    -jar "$dist/printmail-firmware.jar" --profile exchange-online --data-dir "$dist.data" --web-port "$port" \
    --web-keystore "$ROOT/test-fixtures/tls/localhost.p12" --no-panel >/dev/null 2>&1 &
  pid=$!
  until curl -s -o /dev/null -L --cacert "$ROOT/test-fixtures/tls/test-ca.pem" "https://localhost:$port/"; do
    kill -0 $pid 2>/dev/null || { echo "the device in $dist stopped" >&2; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(awk '{print ($14 + $15) * 10}' /proc/$pid/stat)"
  kill $pid; wait $pid || true
}
for d in "$A" "$B"; do
  [ -f "$d.jsa" ] || boot "$d" "-XX:ArchiveClassesAtExit=$d.jsa" >/dev/null  # first boot records the archive
done
ta=(); tb=(); ca=(); cb=()
for i in $(seq "$ROUNDS"); do
  read -r t c < <(boot "$A" "-XX:SharedArchiveFile=$A.jsa"); ta+=("$t"); ca+=("$c")
  read -r t c < <(boot "$B" "-XX:SharedArchiveFile=$B.jsa"); tb+=("$t"); cb+=("$c")
done
med() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
echo "A $A: $(med "${ta[@]}") ms, CPU $(med "${ca[@]}") ms   (${ta[*]})"
echo "B $B: $(med "${tb[@]}") ms, CPU $(med "${cb[@]}") ms   (${tb[*]})"
