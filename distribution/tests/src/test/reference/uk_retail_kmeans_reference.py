#!/usr/bin/python3
"""PLACEHOLDER"""
import os
import sys
from decimal import Decimal

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import (calinski_harabasz_score, davies_bouldin_score,
                             silhouette_score)
from sklearn.preprocessing import StandardScaler

K = 4
SEEDS = [0, 1, 42, 123, 2024]
TARGET = {"inertia": 3938.98, "silhouette": 0.3375,
          "davies_bouldin": 1.0086, "calinski_harabasz": 3328.47}


def default_path():
    # script lives in <repo>/distribution/tests/src/test/reference/
    here = os.path.dirname(os.path.abspath(__file__))
    repo_root = os.path.abspath(os.path.join(here, *[os.pardir] * 5))
    return os.path.normpath(os.path.join(
        repo_root, "..", "shared", "data", "uk-retail",
        "online-retail-dataset.csv.gz"))


def load_and_clean(path):
    df = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str,
                                  "Description": str, "CustomerID": str,
                                  "Country": str, "UnitPrice": str},
                     keep_default_na=False, na_values=[])
    n_read = len(df)
    df["Quantity"] = df["Quantity"].astype(np.int64)
    df["UnitPriceF"] = df["UnitPrice"].astype(float)
    df["InvoiceDate"] = pd.to_datetime(df["InvoiceDate"],
                                       format="%Y-%m-%d %H:%M:%S")

    missing = df["CustomerID"].str.strip() == ""
    cancel = df["InvoiceNo"].str.startswith("C")
    qty_bad = df["Quantity"] <= 0
    price_bad = df["UnitPriceF"] <= 0

    # per-reason drops, rules applied in order, each row counted once
    drops = {}
    alive = pd.Series(True, index=df.index)
    for name, mask in [("missing CustomerID", missing),
                       ("cancellation (InvoiceNo starts with 'C')", cancel),
                       ("Quantity <= 0", qty_bad),
                       ("UnitPrice <= 0", price_bad)]:
        hit = alive & mask
        drops[name] = int(hit.sum())
        alive &= ~mask

    clean = df[alive].copy()
    clean["CustomerID"] = clean["CustomerID"].astype(float).astype(np.int64)
    clean["Revenue"] = clean["Quantity"] * clean["UnitPriceF"]
    # exact decimal revenue (independent of float summation order)
    exact = sum((Decimal(p) * q for p, q in
                 zip(clean["UnitPrice"], clean["Quantity"])), Decimal(0))
    return df, clean, n_read, drops, exact


def rfm(clean, variant):
    max_dt = clean["InvoiceDate"].max()
    g = clean.groupby("CustomerID")
    last = g["InvoiceDate"].max()
    if variant == "a":
        snapshot = max_dt + pd.Timedelta(days=1)
        recency = (snapshot - last).dt.days
    else:
        snapshot = max_dt.normalize() + pd.Timedelta(days=1)
        recency = (snapshot - last.dt.normalize()).dt.days
    out = pd.DataFrame({"Recency": recency,
                        "Frequency": g["InvoiceNo"].nunique(),
                        "Monetary": g["Revenue"].sum()}).sort_index()
    return out, snapshot


def run_kmeans(X, seed, n_init=10):
    km = KMeans(n_clusters=K, n_init=n_init, random_state=seed)
    labels = km.fit_predict(X)
    return {"inertia": km.inertia_,
            "silhouette": silhouette_score(X, labels, metric="euclidean"),
            "davies_bouldin": davies_bouldin_score(X, labels),
            "calinski_harabasz": calinski_harabasz_score(X, labels),
            "sizes": sorted(np.bincount(labels, minlength=K).tolist(),
                            reverse=True)}


def fmt(r):
    return ("inertia=%.4f silhouette=%.6f davies_bouldin=%.6f "
            "calinski_harabasz=%.4f sizes(desc)=%s"
            % (r["inertia"], r["silhouette"], r["davies_bouldin"],
               r["calinski_harabasz"], r["sizes"]))


def matches(r):
    return (round(r["inertia"], 2) == TARGET["inertia"]
            and round(r["silhouette"], 4) == TARGET["silhouette"]
            and round(r["davies_bouldin"], 4) == TARGET["davies_bouldin"]
            and round(r["calinski_harabasz"], 2) == TARGET["calinski_harabasz"])


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else default_path()
    print("python %s, numpy %s, pandas %s, scikit-learn %s" % (
        sys.version.split()[0], np.__version__, pd.__version__,
        sklearn.__version__))
    print("data:", path)
    df, clean, n_read, drops, exact = load_and_clean(path)
    print("\n== Cleaning ==")
    print("rows read        :", n_read)
    print("rows kept        :", len(clean))
    print("customers        :", clean["CustomerID"].nunique())
    print("invoices (kept)  :", clean["InvoiceNo"].nunique())
    print("revenue (float)  : %.6f" % clean["Revenue"].sum())
    print("revenue (exact)  :", exact)
    print("dropped per reason (ordered, first rule hit):")
    for k, v in drops.items():
        print("   %-42s %d" % (k, v))
    print("   %-42s %d" % ("total dropped", sum(drops.values())))
    print("invoice date range:", clean["InvoiceDate"].min(), "..",
          clean["InvoiceDate"].max())

    matching = []
    for variant in ("a", "b"):
        table, snapshot = rfm(clean, variant)
        desc = {"a": "snapshot = max(InvoiceDate)+1 day (datetime), "
                     "recency = floor days",
                "b": "snapshot = date(max InvoiceDate)+1 day (midnight), "
                     "recency = calendar-day difference"}[variant]
        print("\n== Variant %s: %s ==" % (variant, desc))
        print("snapshot:", snapshot)
        X_raw = np.log1p(table[["Recency", "Frequency", "Monetary"]]
                         .to_numpy(dtype=float))
        scaler = StandardScaler()
        X = scaler.fit_transform(X_raw)
        print("raw RFM stats:")
        for c in ("Recency", "Frequency", "Monetary"):
            s = table[c]
            print("   %-9s min=%s max=%s mean=%.6f" % (
                c, round(float(s.min()), 4), round(float(s.max()), 4),
                s.mean()))
        print("StandardScaler on log1p(R,F,M):")
        print("   mean_ =", ["%.10f" % v for v in scaler.mean_])
        print("   scale_=", ["%.10f" % v for v in scaler.scale_],
              "(population std, ddof=0)")
        print("first 5 customers (by CustomerID):")
        for cid, row in table.head(5).iterrows():
            print("   %d R=%d F=%d M=%.2f" % (cid, row["Recency"],
                                              row["Frequency"],
                                              row["Monetary"]))
        results = {}
        for seed in SEEDS + [None]:
            r = run_kmeans(X, seed)
            results[seed] = r
            print("   KMeans(k=4, n_init=10, random_state=%s): %s%s" % (
                seed, fmt(r), "  <-- matches target" if matches(r) else ""))
        if any(matches(r) for r in results.values()):
            matching.append(variant)
        best = run_kmeans(X, 0, n_init=100)
        print("   KMeans(k=4, n_init=100, random_state=0):  %s" % fmt(best))

    print("\n== Target ==")
    print("   inertia 3938.98, silhouette 0.3375, Davies-Bouldin 1.0086, "
          "Calinski-Harabasz 3328.47")
    print("variant(s) reproducing target:", matching or "none")


if __name__ == "__main__":
    main()
