#!/bin/sh
# A 100 MB scan through SMTP AUTH and through Microsoft Graph on the lab, each sent by a device
# process with -Xmx32m; prints time to an empty outbox and the child's peak RSS side by side.
# The parent (lab, GreenMail keeps the message in memory) gets a large heap.
set -e
cd "$(dirname "$0")/../../../.."
CP="$(tests/src/test/bench/bench-classpath.sh)"
exec java -Xmx3g -cp "$CP" org.printmail.bench.GraphVsSmtpBench
