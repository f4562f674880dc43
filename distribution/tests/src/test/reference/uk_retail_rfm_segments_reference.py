#!/usr/bin/python3
"""Reference counts (pandas) for the RFM segments of Segmenta's rfm-segments algorithm on UCI Online Retail.

How to run (Debian bookworm: apt-get install -y python3-pandas):
    /usr/bin/python3 distribution/tests/src/test/reference/uk_retail_rfm_segments_reference.py \
        [path/to/online-retail-dataset.csv.gz]
Cleaning and R, F as variant (a) of uk_retail_kmeans_reference.py; then the usual recipe on the customers
sorted by CustomerID (groupby sorts them): R = qcut(rank(first)) reversed, F = qcut(rank(first)), and the
segment map of docs/rfm-segments.md (with Lost = 11).
"""
import re, sys
import numpy as np
import pandas as pd

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/uk-retail/online-retail-dataset.csv.gz"
df = pd.read_csv(path, encoding="latin-1", dtype={"InvoiceNo": str, "CustomerID": str})
df = df[df["CustomerID"].notna()]
df = df[~df["InvoiceNo"].str.startswith("C")]
df = df[(df["Quantity"] > 0) & (df["UnitPrice"] > 0)]
df["InvoiceDate"] = pd.to_datetime(df["InvoiceDate"])
df["CustomerID"] = df["CustomerID"].astype(float).astype(int)
snapshot = df["InvoiceDate"].max() + pd.Timedelta(days=1)
g = df.groupby("CustomerID").agg(last=("InvoiceDate", "max"), F=("InvoiceNo", "nunique"))
g["R"] = np.floor((snapshot - g["last"]) / pd.Timedelta(days=1))
r = pd.qcut(g["R"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype(int)
f = pd.qcut(g["F"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
rf = r.astype(str) + f.astype(str)
segment_map = [(r"11", "Lost"), (r"[1-2][1-2]", "Hibernating"), (r"[1-2][3-4]", "At Risk"),
               (r"[1-2]5", "Can't Lose Them"), (r"3[1-2]", "About to Sleep"), (r"33", "Need Attention"),
               (r"[3-4][4-5]", "Loyal Customers"), (r"41", "Promising"), (r"51", "New Customers"),
               (r"[4-5][2-3]", "Potential Loyalists"), (r"5[4-5]", "Champions")]
def name(code):
    for pattern, label in segment_map:
        if re.fullmatch(pattern, code):
            return label
print(len(g), "customers")
print(rf.map(name).value_counts().to_dict())
