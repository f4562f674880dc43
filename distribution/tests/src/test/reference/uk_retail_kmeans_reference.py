#!/usr/bin/python3
"""Reference figures (scikit-learn) for Segmenta's K-Means RFM run on UCI Online Retail.

How to run (Debian bookworm; PyPI not needed):
    apt-get update && apt-get install -y python3-sklearn python3-pandas
    cd <repo root>
    /usr/bin/python3 distribution/tests/src/test/reference/uk_retail_kmeans_reference.py \
        [path/to/online-retail-dataset.csv.gz] [--extended]
The data path defaults to ../shared/data/uk-retail/online-retail-dataset.csv.gz relative to the
repository root. --extended widens the n_init=100 search from random_state 0..9 to 0..99 (slow).
Runtime is about 1-3 minutes on 2 cores (mostly the n_init=100 searches).

Pipeline
 1. Cleaning, rules applied in this order (a row is counted under the first rule it hits):
    missing CustomerID, InvoiceNo starting with 'C', Quantity <= 0, UnitPrice <= 0.
 2. RFM per customer: F = distinct InvoiceNo, M = sum(Quantity*UnitPrice), R in two variants:
    (a) snapshot = max(InvoiceDate) + 1 day (datetime 2011-12-10 12:50:00),
        R = floor((snapshot - last purchase datetime) in days)
    (b) snapshot = date(max InvoiceDate) + 1 day (2011-12-10 00:00),
        R = calendar days between snapshot date and date(last purchase)
 3. X = StandardScaler().fit_transform(log1p([R, F, M]))   (population std, ddof=0)
 4. KMeans(n_clusters=4, n_init=10, random_state=seed) (lloyd, k-means++);
    silhouette_score (euclidean), davies_bouldin_score, calinski_harabasz_score.

Figures printed with python 3.11.2, numpy 1.24.2, pandas 1.5.3, scikit-learn 1.2.1
(the results for a given seed were the same with OMP_NUM_THREADS=1 and with 2 threads):

Cleaning: 541,909 read; 397,884 kept; 4,338 customers; 18,532 invoices;
  revenue 8,911,407.904 (exact decimal sum; prints as 8,911,407.90).
  Dropped: missing CustomerID 135,080; cancellation 8,905; Quantity<=0 0; UnitPrice<=0 40
  (total 144,025). Once the first two rules have run, no rows with Quantity<=0 remain.

Variant (a) -- REPRODUCES THE TARGET with random_state=42 (and 31):
  raw R min 1 / max 374 / mean 92.536422
  raw F min 1 / max 209 / mean 4.272015
  raw M min 3.75 / max 280206.02 / mean 2054.266460
  scaler mean_  = [3.8307338679, 1.3455823418, 6.5936271408]
  scaler scale_ = [1.3401066639, 0.6830249360, 1.2574326702]
  first customers: 12346 R=326 F=1 M=77183.60 | 12347 R=2 F=7 M=4310.00 |
    12348 R=75 F=4 M=1797.24 | 12349 R=19 F=1 M=1757.55 | 12350 R=310 F=1 M=334.40
  n_init=10:
    rs=0    inertia 3938.8440 sil 0.337068 DB 1.013293 CH 3328.6816 sizes 1637/1169/841/691
    rs=1    inertia 3938.1399 sil 0.335416 DB 1.015338 CH 3329.4277 sizes 1587/1172/859/720
    rs=42   inertia 3938.9766 sil 0.337511 DB 1.008546 CH 3328.4715 sizes 1623/1169/832/714  <= target
    rs=123  inertia 3938.0337 sil 0.335864 DB 1.013909 CH 3329.5762 sizes 1592/1178/848/720
    rs=2024 inertia 3938.0776 sil 0.335790 DB 1.013983 CH 3329.5205 sizes 1589/1178/850/721
    rs=None varies from run to run (for example 3938.2783 or 3938.2821)
    Over random_state 0..99, inertia ranges from 3937.9533 to 3939.0251. Only rs=31 and rs=42
    give 3938.98. The result depends on the seed and is not the global optimum.
  Exact values at rs=42: inertia 3938.9766335291474, silhouette 0.33751054437427075,
    DB 1.008546481465402, CH 3328.471524242557.
    NOTE: rounding DB to 4 dp gives 1.0085. The target's 1.0086 looks like double rounding
    (1.008546 -> 1.00855 -> 1.0086).
  Best n_init=100 over rs 0..9 (1,000 starts): 3938.0337 (rs=2; same partition as rs=123 above)
  Best n_init=100 over rs 0..99 (10,000 starts, --extended): 3937.9533 (rs=49)
    sil 0.335868 DB 1.013876 CH 3329.6134 sizes 1595/1176/848/719  (probably the global optimum)

Variant (b) -- does not match (no seed tried gives inertia near 3938.98):
  raw R min 1 / max 374 / mean 93.059474 (F and M same as in variant a)
  scaler mean_  = [3.8571923720, 1.3455823418, 6.5936271408]
  scaler scale_ = [1.3069094144, 0.6830249360, 1.2574326702]
  first customers: 12346 R=326 | 12347 R=3 | 12348 R=76 | 12349 R=19 | 12350 R=311 (F, M as in variant a)
  n_init=10:
    rs=0    inertia 3924.8892 sil 0.332471 DB 1.022490 CH 3345.5450 sizes 1543/1174/907/714
    rs=1    inertia 3924.9028 sil 0.332471 DB 1.022490 CH 3345.5450 sizes 1543/1174/907/714
    rs=42   inertia 3924.8892 sil 0.332471 DB 1.022490 CH 3345.5450 sizes 1543/1174/907/714
    rs=123  inertia 3924.8712 sil 0.333120 DB 1.019153 CH 3345.5665 sizes 1529/1180/894/735
    rs=2024 inertia 3924.8453 sil 0.332552 DB 1.022454 CH 3345.5959 sizes 1541/1177/905/715
    Over rs 0..99, inertia ranges from 3924.4342 to 3924.9844.
  Best n_init=100 over rs 0..9: 3924.4343 (rs=9) sil 0.335462 DB 1.015470 CH 3346.1048
  Best n_init=100 over rs 0..99 (--extended): 3924.3963 (rs=96) sil 0.335485 DB 1.015429 CH 3346.1085
"""
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
    """Target as given: inertia/CH to 2 dp, silhouette to 4 dp.
    Davies-Bouldin is accepted within 1e-4 because the target's 1.0086 is
    1.008546... double-rounded (1.00855 -> 1.0086); plain 4-dp rounding
    gives 1.0085."""
    return (round(r["inertia"], 2) == TARGET["inertia"]
            and round(r["silhouette"], 4) == TARGET["silhouette"]
            and abs(r["davies_bouldin"] - TARGET["davies_bouldin"]) <= 1e-4
            and round(r["calinski_harabasz"], 2) == TARGET["calinski_harabasz"])


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    extended = "--extended" in sys.argv[1:]
    path = args[0] if args else default_path()
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
        seeds = range(100) if extended else range(10)
        best, best_seed = None, None
        for seed in seeds:
            km = KMeans(n_clusters=K, n_init=100, random_state=seed).fit(X)
            if best is None or km.inertia_ < best:
                best, best_seed = km.inertia_, seed
        r = run_kmeans(X, best_seed, n_init=100)
        print("   best of n_init=100 over random_state %d..%d (%d starts): "
              "random_state=%d %s" % (seeds[0], seeds[-1], 100 * len(seeds),
                                      best_seed, fmt(r)))

    print("\n== Target ==")
    print("   inertia 3938.98, silhouette 0.3375, Davies-Bouldin 1.0086, "
          "Calinski-Harabasz 3328.47")
    print("variant(s) reproducing target:", matching or "none")


if __name__ == "__main__":
    main()
