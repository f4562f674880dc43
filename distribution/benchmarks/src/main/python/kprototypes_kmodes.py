#!/usr/bin/env python3
"""Python kmodes' reference for KPrototypesVsKmodes: one KPrototypes fit of a CSV of mixed data.

    kprototypes_kmodes.py CSV --gamma G [--seed S] [--n-init N] [--max-iter M] [--k K]
                          [--labels-out FILE] [--ours FILE]

CSV: a header line, then one row per point: the numeric columns (Double.toString, read back exactly), then the
categorical ones (level text), as the benchmark writes them; the header names the categorical columns c0, c1, ...
Fits kmodes.kprototypes.KPrototypes(n_clusters=K, init='Cao', n_init=N, max_iter=M, gamma=G, random_state=S)
with categorical= the c columns, and times fit() alone (wall and process CPU seconds). Writes its labels, one per line, to --labels-out. With
--ours (another partition of the same rows, one label per line), also computes that partition's cost with
kmodes' own code: the means and modes of its clusters as kmodes computes them (modes: the most frequent code,
ties to the smallest), then kmodes.kprototypes.labels_cost, so that both costs come from the same formula.
Prints, as the last line of standard output, one JSON object.

Exit status 3 when kmodes (or numpy) cannot be imported; the JSON then says "skipped" and why.
"""
import json
import platform
import sys
import time

USAGE = ("usage: kprototypes_kmodes.py CSV --gamma G [--seed S] [--n-init N] [--max-iter M] [--k K] "
         "[--labels-out FILE] [--ours FILE]")


def parse(argv):
    opts = {"--gamma": None, "--seed": "42", "--n-init": "10", "--max-iter": "100", "--k": "5",
            "--labels-out": None, "--ours": None}
    path = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in opts:
            if i + 1 >= len(argv):
                sys.exit(USAGE)
            opts[a] = argv[i + 1]
            i += 2
        elif path is None and not a.startswith("-"):
            path = a
            i += 1
        else:
            sys.exit(USAGE)
    if path is None or opts["--gamma"] is None:
        sys.exit(USAGE)
    return path, opts


def main(argv):
    path, opts = parse(argv)
    try:
        import numpy as np
        import kmodes
        from kmodes.kprototypes import KPrototypes, labels_cost
        from kmodes.util import encode_features, get_max_value_key
        from kmodes.util.dissim import euclidean_dissim, matching_dissim
    except ImportError as e:
        print(json.dumps({"skipped": "cannot import kmodes: %s (put kmodes 0.12 on PYTHONPATH)" % e}))
        return 3
    gamma = float(opts["--gamma"])
    k = int(opts["--k"])

    start = time.perf_counter()
    with open(path, encoding="ascii") as f:
        header = f.readline().rstrip("\n").split(",")
        rows = [line.rstrip("\n").split(",") for line in f]
    categorical = [j for j, name in enumerate(header) if name.startswith("c")]
    X = np.empty((len(rows), len(header)), dtype=object)
    for j in range(len(header)):
        column = [r[j] for r in rows]
        X[:, j] = column if j in categorical else [float(v) for v in column]
    load_seconds = time.perf_counter() - start

    model = KPrototypes(n_clusters=k, init="Cao", n_init=int(opts["--n-init"]), max_iter=int(opts["--max-iter"]),
                        gamma=gamma, random_state=int(opts["--seed"]))
    start = time.perf_counter()
    cpu_start = time.process_time()
    model.fit(X, categorical=categorical)
    cpu_seconds = time.process_time() - cpu_start
    seconds = time.perf_counter() - start
    labels = np.asarray(model.labels_, dtype=np.int64)
    if opts["--labels-out"]:
        with open(opts["--labels-out"], "w", encoding="ascii") as f:
            f.write("\n".join(str(v) for v in labels))
            f.write("\n")

    out = {"kmodes": kmodes.__version__, "kmodesPath": kmodes.__file__, "numpy": np.__version__,
           "python": platform.python_version(), "rows": len(rows), "categorical": categorical,
           "gamma": repr(model.gamma), "cost": repr(float(model.cost_)), "nIter": int(model.n_iter_),
           "sizes": [int(v) for v in np.bincount(labels, minlength=k)], "seconds": seconds,
           "cpuSeconds": cpu_seconds, "loadSeconds": load_seconds}

    if opts["--ours"]:
        with open(opts["--ours"], encoding="ascii") as f:
            ours = np.array([int(line) for line in f if line.strip()], dtype=np.int64)
        numeric = [j for j in range(X.shape[1]) if j not in categorical]
        xnum = X[:, numeric].astype(np.float64)
        xcat, _ = encode_features(X[:, categorical])
        means = np.zeros((k, len(numeric)))
        modes = np.zeros((k, len(categorical)), dtype=xcat.dtype)
        for p in range(k):
            members = ours == p
            means[p] = xnum[members].mean(axis=0)
            for j in range(len(categorical)):
                values, counts = np.unique(xcat[members, j], return_counts=True)
                modes[p, j] = get_max_value_key(dict(zip(values, counts)))
        nearest, cost = labels_cost(xnum, xcat, [means, modes], euclidean_dissim, matching_dissim, gamma)
        out["oursCostByKmodes"] = repr(float(cost))
        out["oursRowsNotNearest"] = int(np.sum(nearest.astype(np.int64) != ours))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
