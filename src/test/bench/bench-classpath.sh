#!/bin/sh
# Compiles main + test classes and prints the test classpath (used by the smtp bench scripts).
set -e
cd "$(dirname "$0")/../../.."
mvn -q -B -ntp -o test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >&2
echo "target/classes:target/test-classes:$(cat target/bench.classpath)"
