#!/bin/sh
# Builds the stage benchmark and runs it: times each step of uk-retail -> rfm -> kmeans -> csv on the UCI
# Online Retail file (see docs/performance.md).
#
#   distribution/benchmarks/run.sh [FILE] [--warmup W] [--iterations N]
#
# FILE defaults to ../shared/data/uk-retail/online-retail-dataset.csv.gz relative to the repository root; a
# relative FILE is taken relative to the current directory. Environment:
#   SEGMENTA_BENCH_SKIP_BUILD=1  use the jars already in distribution/benchmarks/target (no Maven run)
#   SEGMENTA_BENCH_MAVEN_ARGS    extra Maven arguments for the build, e.g. SEGMENTA_BENCH_MAVEN_ARGS=-o (offline)
#   JAVA_OPTS                    JVM options for the benchmark, e.g. JAVA_OPTS=-Xmx1g
#   JAVA_HOME                    the Java runtime (17 or later)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(cd "$HERE/../.." && pwd -P)

if [ "${SEGMENTA_BENCH_SKIP_BUILD:-0}" != 1 ]; then
    # -am builds the bundles the benchmark runs, from this tree; their tests are not the point here. Maven's
    # output goes to standard error, so that standard output is the benchmark's alone (its last line is JSON).
    # shellcheck disable=SC2086
    (cd "$ROOT" && mvn -B -q ${SEGMENTA_BENCH_MAVEN_ARGS:-} -pl distribution/benchmarks -am package -DskipTests) 1>&2
fi

if [ -n "${JAVA_HOME:-}" ]; then
    JAVA=$JAVA_HOME/bin/java
else
    JAVA=java
fi

# JAVA_OPTS is split into words on purpose (several options)
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:-} \
    -Dsegmenta.project.dir="$ROOT" \
    -cp "$HERE/target/benchmarks.jar:$HERE/target/lib/*" \
    io.segmenta.benchmarks.StageBenchmark "$@"
