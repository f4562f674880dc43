import numpy as np
from sklearn.metrics import silhouette_score
rng = np.random.RandomState(7)
n = 300
X = np.column_stack([rng.normal(size=n) + np.repeat([0, 2, 4], 100), rng.normal(size=n)])
C = np.column_stack([rng.randint(0, 3, size=n), rng.randint(0, 2, size=n)])
C[::37, 1] = -1
labels = np.repeat([0, 1, 2], 100)
labels[::11] = (labels[::11] + 1) % 3
gamma = 0.7
sq = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
mis = (C[:, None, :] != C[None, :, :]).sum(-1)
D = np.sqrt(sq + gamma * mis)
print(repr(silhouette_score(D, labels, metric="precomputed")))
Dn = np.sqrt(sq)
print(repr(silhouette_score(X, labels)))
np.savetxt("mixed-silhouette.csv", np.column_stack([X, C, labels]), delimiter=",", fmt="%.17g")
