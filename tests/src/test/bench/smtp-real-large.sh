#!/bin/sh
# One 100 MB attachment, printmail vs plain Angus, against Postfix + Dovecot (PostfixDovecotRig,
# under target/pfdv); fresh JVM at -Xmx32m per run, alternating, 5 rounds; MB/s and peak RSS.
set -e
cd "$(dirname "$0")/../../../.."
CP="$(tests/src/test/bench/bench-classpath.sh)"
exec java -Xmx256m -cp "$CP" org.printmail.bench.RealServerBench large
