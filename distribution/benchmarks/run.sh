#!/bin/sh
# Builds the benchmarks and runs one (see docs/performance.md):
#
#   distribution/benchmarks/run.sh [FILE] [--warmup W] [--iterations N]
#       the stage benchmark: times each step of uk-retail -> rfm -> kmeans -> csv on the UCI Online Retail
#       file. FILE defaults to ../shared/data/uk-retail/online-retail-dataset.csv.gz relative to the
#       repository root; a relative FILE is taken relative to the current directory.
#
#   distribution/benchmarks/run.sh sources [--lines N] [--other-lines M] [--iterations I] [--dir DIR] [--seed S]
#       the source benchmark: generates a UK file of N lines (default 10,000,000, about 1 GB) and Olist and
#       PaDi UMKM exports of M lines (default 2,000,000) into a temporary folder under DIR (default /tmp;
#       deleted afterwards; free space is checked first), and times reading them with uk-retail, mapped-csv,
#       olist and padi-umkm. Its JVM gets -Xmx2g unless JAVA_OPTS sets -Xmx, so that finishing proves the
#       10-million-line table fits in 2 GB.
#
#   distribution/benchmarks/run.sh kprototypes [--rows N[,N...]] [--warmup W] [--iterations I] [--runs R] [--seed S]
#       the K-Prototypes benchmark: fits k = 5 on generated mixed data (3 numeric + 3 categorical columns, 5
#       planted clusters) of 100,000 and 1,000,000 rows by default; seconds per fit, passes, cost, gamma, peak
#       heap and the adjusted Rand index against the planted clusters.
#
#   distribution/benchmarks/run.sh kprototypes-vs-kmodes [--rows N] [--pairs P] [--python PATH] [--no-reference] ...
#       the engine's K-Prototypes against Python kmodes 0.12's KPrototypes(n_clusters=5, init='Cao', n_init=10) on
#       the same generated mixed data (100,000 rows by default) and the same gamma: seconds of each, in pairs, and
#       both costs. kmodes must be importable by /usr/bin/python3 (e.g. PYTHONPATH=DIR); otherwise only the
#       engine is timed.
#
#   distribution/benchmarks/run.sh silhouette [--rows N[,N...]] [--threads T] [--python PATH] [--no-reference] ...
#       the silhouette benchmark: the engine's exact silhouette against scikit-learn's silhouette_score on the
#       same generated matrix (20,000 and 100,000 points by default; /usr/bin/python3 with python3-sklearn);
#       both scores, their difference and the time ratio. Without numpy or scikit-learn only Java is timed.
#
# Environment:
#   SEGMENTA_BENCH_SKIP_BUILD=1  use the jars already in distribution/benchmarks/target (no Maven run)
#   SEGMENTA_BENCH_MAVEN_ARGS    extra Maven arguments for the build, e.g. SEGMENTA_BENCH_MAVEN_ARGS=-o (offline)
#   JAVA_OPTS                    JVM options for the benchmark, e.g. JAVA_OPTS=-Xmx1g
#   JAVA_HOME                    the Java runtime (17 or later)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(cd "$HERE/../.." && pwd -P)

MAIN=io.segmenta.benchmarks.StageBenchmark
OPTS=${JAVA_OPTS:-}
case "${1:-}" in
    sources)
        shift
        MAIN=io.segmenta.benchmarks.SourceBenchmark
        # the issue's bound: the table of the 10-million-line file must fit in 2 GB of heap
        case " $OPTS " in
            *" -Xmx"*) ;;
            *) OPTS="$OPTS -Xmx2g" ;;
        esac
        ;;
    kprototypes)
        shift
        MAIN=io.segmenta.benchmarks.KPrototypesBenchmark
        ;;
    kprototypes-vs-kmodes)
        shift
        MAIN=io.segmenta.benchmarks.KPrototypesVsKmodes
        ;;
    silhouette)
        shift
        MAIN=io.segmenta.benchmarks.SilhouetteBenchmark
        ;;
esac

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

# OPTS is split into words on purpose (several options)
# shellcheck disable=SC2086
exec "$JAVA" $OPTS \
    -Dsegmenta.project.dir="$ROOT" \
    -cp "$HERE/target/benchmarks.jar:$HERE/target/lib/*" \
    "$MAIN" "$@"
