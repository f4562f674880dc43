#!/bin/sh
# Whole-process comparison, paired (see docs/performance.md, "End to end against pandas + scikit-learn"):
#
#   distribution/benchmarks/compare.sh [--pairs N] FILE [-- SEGMENTA-OPTIONS...]
#
# runs, N times each (default 5) and in turns (A B C, then B C A, ...), so that a change in the machine's load
# hits every contender alike:
#   segmenta  $SEGMENTA_HOME/bin/segmenta run --source uk-retail --input FILE --k 4 --out TMP [SEGMENTA-OPTIONS]
#   before    the same with $SEGMENTA_BEFORE/bin/segmenta, when SEGMENTA_BEFORE names another installation
#   peer      /usr/bin/python3 ../shared/bench/peer_uk_rfm.py FILE 4 (pandas + scikit-learn), when both import
# Each run's wall seconds and peak RSS (GNU time's %e and %M) go to stdout with the 1-minute load before it,
# then the medians and the ratios to the peer. SEGMENTA_HOME defaults to distribution/felix/target/segmenta-*.
# JAVA_OPTS is passed on (e.g. JAVA_OPTS=-Xmx512m). SEGMENTA_COMMAND=select-k runs
#   bin/segmenta select-k --source uk-retail --input FILE --k-min 2 --k-max 6 [SEGMENTA-OPTIONS]
# instead (segmenta and before only: the peer has no such step), and the medians then give segmenta's ratio to
# before. Nothing runs in mvn verify.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(cd "$HERE/../.." && pwd -P)
PAIRS=5
if [ "${1:-}" = --pairs ]; then
    PAIRS=$2
    shift 2
fi
FILE=${1:?usage: compare.sh [--pairs N] FILE [-- SEGMENTA-OPTIONS...]}
shift
[ "${1:-}" = -- ] && shift
HOME_NEW=${SEGMENTA_HOME:-$(ls -d "$ROOT"/distribution/felix/target/segmenta-*/ | head -n 1)}
PEER=$ROOT/../shared/bench/peer_uk_rfm.py
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT INT TERM

COMMAND=${SEGMENTA_COMMAND:-run}
case $COMMAND in
    run | select-k) ;;
    *) echo "SEGMENTA_COMMAND must be run or select-k, was $COMMAND" >&2; exit 2 ;;
esac

contenders="segmenta"
[ -n "${SEGMENTA_BEFORE:-}" ] && contenders="$contenders before"
if [ "$COMMAND" = select-k ]; then
    echo "peer skipped: it has no select-k" >&2
elif "$PYTHON" -c 'import pandas, sklearn' 2>/dev/null; then
    contenders="$contenders peer"
else
    echo "peer skipped: $PYTHON cannot import pandas and sklearn (apt-get install python3-pandas python3-sklearn)" >&2
fi

run() { # name [options] -> one line: name wall rss load
    name=$1
    shift
    load=$(cut -d' ' -f1 /proc/loadavg)
    case $COMMAND-$name in
        select-k-segmenta) set -- "$HOME_NEW/bin/segmenta" -q select-k --source uk-retail --input "$FILE" --k-min 2 --k-max 6 "$@" ;;
        select-k-before) set -- "$SEGMENTA_BEFORE/bin/segmenta" -q select-k --source uk-retail --input "$FILE" --k-min 2 --k-max 6 "$@" ;;
        *-segmenta) set -- "$HOME_NEW/bin/segmenta" -q run --source uk-retail --input "$FILE" --k 4 --out "$OUT/new" "$@" ;;
        *-before) set -- "$SEGMENTA_BEFORE/bin/segmenta" -q run --source uk-retail --input "$FILE" --k 4 --out "$OUT/old" "$@" ;;
        *-peer) set -- "$PYTHON" "$PEER" "$FILE" 4 ;;
    esac
    rm -rf "$OUT/new" "$OUT/old"
    if /usr/bin/time -f "%e %M" -o "$OUT/time" "$@" > "$OUT/stdout" 2> "$OUT/stderr"; then
        echo "$name $(cat "$OUT/time") $load"
    else
        echo "$name FAILED $(tail -n 1 "$OUT/stderr") $load"
    fi
}

echo "# contender wall_s peak_rss_kib load1"
i=0
while [ "$i" -lt "$PAIRS" ]; do
    order=$contenders
    r=0
    while [ "$r" -lt $((i % $(echo "$contenders" | wc -w))) ]; do # rotate the order each round
        order="$(echo "$order" | cut -d' ' -f2-) $(echo "$order" | cut -d' ' -f1)"
        r=$((r + 1))
    done
    for name in $order; do
        if [ "$name" = peer ]; then run peer; else run "$name" "$@"; fi
    done
    i=$((i + 1))
done | tee "$OUT/runs"

echo "# medians (wall s, peak RSS MiB) and ratios to the peer (and of segmenta to before)"
awk '$2 != "FAILED" { n[$1]++; w[$1, n[$1]] = $2; m[$1, n[$1]] = $3 }
    function median(a, name, k,   i, j, t, v) {
        for (i = 1; i <= k; i++) v[i] = a[name, i]
        for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
    }
    END {
        for (c in n) { mw[c] = median(w, c, n[c]); mm[c] = median(m, c, n[c]) / 1024 }
        for (c in n) printf "%s runs %d median_wall_s %.2f median_rss_mib %.0f%s\n", c, n[c], mw[c], mm[c], \
            ("peer" in n && c != "peer") ? sprintf(" wall_ratio_to_peer %.2f (peer/this %.2fx) rss_ratio %.2f", \
            mw[c] / mw["peer"], mw["peer"] / mw[c], mm[c] / mm["peer"]) : ""
        if ("before" in n && "segmenta" in n) printf "segmenta/before wall_ratio %.2f rss_ratio %.2f\n", \
            mw["segmenta"] / mw["before"], mm["segmenta"] / mm["before"]
    }' "$OUT/runs"
