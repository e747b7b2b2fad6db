#!/bin/sh
# Boot and idle-RSS budget: the firmware image (firmware/target/dist) vs a bare JDK HTTPS server
# with the same key, side by side, alternating, same JVM flags. Args: [rounds] [JVM flags...]
# What each JVM flag costs or saves (the device with the launcher's flags against one flag left out
# or added, alternating): boot-budget.sh --flags [rounds]
set -e
cd "$(dirname "$0")/../../../.."
mvn -q -B -ntp -o package -pl firmware -DskipTests >&2
CP="$(tests/src/test/bench/bench-classpath.sh)"
exec java -cp "$CP" org.printmail.bench.BootBudgetBench "$@"
