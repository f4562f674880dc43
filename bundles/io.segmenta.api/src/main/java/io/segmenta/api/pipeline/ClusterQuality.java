package io.segmenta.api.pipeline;

import java.util.List;

/**
 * Internal quality figures of a clustering, computed on the scaled features, with scikit-learn's
 * definitions.
 *
 * @param inertia sum of squared Euclidean distances of each row to its segment's centre (lower is tighter)
 * @param silhouette mean silhouette coefficient over all rows, exact, Euclidean (-1 to 1, higher is better)
 * @param daviesBouldin Davies-Bouldin index (0 and up, lower is better)
 * @param calinskiHarabasz Calinski-Harabasz index, the variance ratio criterion (higher is better)
 * @param silhouetteMeasured how many rows the silhouette was measured on (all rows, or the sample's size; 0
 *        when the silhouette is undefined)
 * @param segmentSilhouettes the silhouette per segment, in segment order (empty when undefined, or from a
 *        producer that does not compute it)
 */
public record ClusterQuality(double inertia, double silhouette, double daviesBouldin, double calinskiHarabasz,
        int silhouetteMeasured, List<SegmentSilhouette> segmentSilhouettes) {

    public ClusterQuality {
        segmentSilhouettes = List.copyOf(segmentSilhouettes);
    }

    /** The four figures without the per-segment silhouette (API 1.2 and before). */
    public ClusterQuality(double inertia, double silhouette, double daviesBouldin, double calinskiHarabasz) {
        this(inertia, silhouette, daviesBouldin, calinskiHarabasz, 0, List.of());
    }
}
