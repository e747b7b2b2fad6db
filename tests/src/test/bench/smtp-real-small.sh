#!/bin/sh
# 500 messages with a 1 KB attachment, printmail vs plain Angus, against Postfix + Dovecot
# (PostfixDovecotRig, under target/pfdv); fresh JVM at -Xmx32m per run, alternating, 5 rounds.
set -e
cd "$(dirname "$0")/../../../.."
CP="$(tests/src/test/bench/bench-classpath.sh)"
exec java -Xmx256m -cp "$CP" org.printmail.bench.RealServerBench small
