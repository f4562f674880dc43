# Per-segment silhouette references for ClusterMetricsTest.perSegmentSilhouetteMatchesScikitLearn, on the rows
# of mixed-silhouette.csv (made by mixed-silhouette.py): numeric x1, x2, categorical c1, c2, label.
# Run with scikit-learn 1.2.1 (Debian's python3-sklearn): /usr/bin/python3 per-segment-silhouette.py
import numpy as np
from sklearn.metrics import silhouette_samples
data = np.loadtxt("mixed-silhouette.csv", delimiter=",")
X, C, labels = data[:, :2], data[:, 2:4].astype(int), data[:, 4].astype(int)
gamma = 0.7
sq = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
mis = (C[:, None, :] != C[None, :, :]).sum(-1)
for name, s in [("euclidean", silhouette_samples(X, labels)),
                ("mixed", silhouette_samples(np.sqrt(sq + gamma * mis), labels, metric="precomputed"))]:
    for k in range(3):
        v = np.sort(s[labels == k])
        print(name, k, int(v.size), repr(float(v.mean())), repr(float((v < 0).mean())), repr(float(v[-1])),
              repr(float(v[0])))
