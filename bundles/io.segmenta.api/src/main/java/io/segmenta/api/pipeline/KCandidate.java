package io.segmenta.api.pipeline;

/**
 * The figures of one k tried while choosing k.
 *
 * @param k the number of segments
 * @param cost the algorithm's cost (for K-Means the inertia)
 * @param silhouette mean silhouette (exact, or on a sample: see {@link KSelection#silhouetteSample()})
 * @param daviesBouldin Davies-Bouldin index
 * @param calinskiHarabasz Calinski-Harabasz index
 * @param nanos time taken for this k (fit, metrics and stability)
 * @param stability how alike refits on seeded subsamples are: the mean adjusted Rand index between their
 *        segments on the rows they share (1 = the same segments every time, about 0 = no better than chance), or
 *        NaN when not measured; see docs/user-guide.md, "How k is chosen"
 */
public record KCandidate(int k, double cost, double silhouette, double daviesBouldin, double calinskiHarabasz,
        long nanos, double stability) {

    /** A candidate whose stability was not measured. */
    public KCandidate(int k, double cost, double silhouette, double daviesBouldin, double calinskiHarabasz,
            long nanos) {
        this(k, cost, silhouette, daviesBouldin, calinskiHarabasz, nanos, Double.NaN);
    }
}
