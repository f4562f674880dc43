#!/usr/bin/env python3
"""scikit-learn's reference for SilhouetteBenchmark: the exact mean silhouette of a CSV matrix.

    silhouette.py CSV [--warmup W] [--iterations N]

CSV: a header line, then one row per point: the label (an integer), then the coordinates, as the benchmark
writes them (Double.toString, so every double is read back exactly). Times W discarded and N measured calls of
sklearn.metrics.silhouette_score(X, labels, metric="euclidean") (no sample_size: exact) and prints, as the
last line of standard output, one JSON object: the score (every digit), the seconds of each call, their
median, and a SHA-256 of the matrix and labels as parsed, so that the Java side can check that both scored
the same numbers.

Exit status 3 when numpy or scikit-learn cannot be imported (the JSON then says "skipped" and why), so that
the benchmark can tell a missing reference from a failing one.
"""
import hashlib
import json
import sys
import time

USAGE = "usage: silhouette.py CSV [--warmup W] [--iterations N]"


def parse(argv):
    path, warmup, iterations = None, 1, 3
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--warmup", "--iterations"):
            if i + 1 >= len(argv):
                sys.exit(USAGE)
            value = int(argv[i + 1])
            if a == "--warmup":
                warmup = max(0, value)
            else:
                iterations = max(1, value)
            i += 2
        elif path is None and not a.startswith("-"):
            path = a
            i += 1
        else:
            sys.exit(USAGE)
    if path is None:
        sys.exit(USAGE)
    return path, warmup, iterations


def main(argv):
    path, warmup, iterations = parse(argv)
    try:
        import numpy as np
        import sklearn
        from sklearn.metrics import silhouette_score
    except ImportError as e:
        print(json.dumps({"skipped": "cannot import numpy and scikit-learn: %s" % e}))
        return 3
    blas_threads = None
    try:
        # a dependency of scikit-learn; only reported: the BLAS threads are what the euclidean distances use
        from threadpoolctl import threadpool_info
        blas_threads = [
            {"api": p.get("internal_api"), "threads": p.get("num_threads"), "version": p.get("version")}
            for p in threadpool_info()
        ]
    except Exception:  # the figure is optional; the score is not
        pass

    start = time.perf_counter()
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    labels = data[:, 0].astype(np.int64)
    x = np.ascontiguousarray(data[:, 1:])
    load_seconds = time.perf_counter() - start
    digest = hashlib.sha256()
    digest.update(x.astype("<f8", copy=False).tobytes(order="C"))
    digest.update(labels.astype("<i8", copy=False).tobytes())

    seconds = []
    score = None
    for i in range(warmup + iterations):
        start = time.perf_counter()
        score = silhouette_score(x, labels, metric="euclidean")
        elapsed = time.perf_counter() - start
        if i >= warmup:
            seconds.append(elapsed)
    ordered = sorted(seconds)
    n = len(ordered)
    median = ordered[n // 2] if n % 2 == 1 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    print(json.dumps({
        # json writes a float as its repr: the shortest text that reads back as the same double
        "score": float(score),
        "seconds": seconds,
        "secondsMedian": median,
        "loadSeconds": load_seconds,
        "rows": int(x.shape[0]),
        "columns": int(x.shape[1]),
        "sha256": digest.hexdigest(),
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "sklearn": sklearn.__version__,
        "blas": blas_threads,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
