#!/bin/sh
# Compiles every module (main + test classes) and prints the tests module's test classpath, with
# the sibling modules' class folders, for the bench scripts. Run from anywhere.
set -e
cd "$(dirname "$0")/../../../.."
mvn -q -B -ntp -o test-compile dependency:build-classpath -pl tests -am -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath -Denforcer.skip=true >&2
echo "tests/target/test-classes:$(cat tests/target/bench.classpath)"
