#!/bin/sh
# 500 small messages over one connection, printmail vs plain Angus, same lab server, one run.
set -e
cd "$(dirname "$0")/../../../.."
CP="$(tests/src/test/bench/bench-classpath.sh)"
exec java -Xmx512m -cp "$CP" org.printmail.bench.SmtpThroughputBench
