package io.segmenta.api.pipeline;

/**
 * Internal quality figures of a clustering, computed on the scaled features, with scikit-learn's
 * definitions.
 *
 * @param inertia sum of squared Euclidean distances of each row to its segment's centre (lower is tighter)
 * @param silhouette mean silhouette coefficient over all rows, exact, Euclidean (-1 to 1, higher is better)
 * @param daviesBouldin Davies-Bouldin index (0 and up, lower is better)
 * @param calinskiHarabasz Calinski-Harabasz index, the variance ratio criterion (higher is better)
 */
public record ClusterQuality(double inertia, double silhouette, double daviesBouldin, double calinskiHarabasz) {
}
