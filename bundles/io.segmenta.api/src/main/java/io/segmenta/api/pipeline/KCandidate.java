package io.segmenta.api.pipeline;

/**
 * The figures of one k tried while choosing k.
 *
 * @param k the number of segments
 * @param cost the algorithm's cost (for K-Means the inertia)
 * @param silhouette mean silhouette (exact, or on a sample: see {@link KSelection#silhouetteSample()})
 * @param daviesBouldin Davies-Bouldin index
 * @param calinskiHarabasz Calinski-Harabasz index
 * @param nanos time taken for this k (fit and metrics)
 */
public record KCandidate(int k, double cost, double silhouette, double daviesBouldin, double calinskiHarabasz,
        long nanos) {
}
