#!/bin/sh
# A 200 MB attachment sent by a child JVM with -Xmx32m; prints MB/s and the child's peak RSS.
# The parent (lab server, GreenMail keeps the message in memory) gets a large heap.
set -e
cd "$(dirname "$0")/../../../.."
CP="$(tests/src/test/bench/bench-classpath.sh)"
exec java -Xmx3g -cp "$CP" org.printmail.bench.LargeAttachmentBench
