package io.segmenta.engine.internal.metrics;

import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.SegmentSilhouette;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Internal quality figures of a clustering with scikit-learn's definitions (Euclidean distance), computed
 * from the rows and labels alone: nothing is taken from the model, so every algorithm is measured alike.
 * Where scikit-learn raises because the figure is undefined (fewer than 2 non-empty clusters, or as many
 * clusters as rows) the figure is NaN; inertia is always defined.
 */
public final class ClusterMetrics {
    /** np.allclose(..., 0) tests |value| <= atol + rtol * 0, with numpy's default atol. */
    private static final double ALL_CLOSE_ATOL = 1e-8;

    private ClusterMetrics() {
    }

    /**
     * All four figures.
     *
     * @param threads threads for the silhouette, the only costly one (O(n²d))
     * @param cancelled polled between blocks of the silhouette computation
     * @throws io.segmenta.api.RunCancelledException when {@code cancelled} became true
     */
    public static ClusterQuality compute(Clustering c, int threads, BooleanSupplier cancelled) {
        return compute(c, threads, cancelled, c.n, 0L);
    }

    /**
     * All four figures, the silhouette on a sample when there are more rows than {@code silhouetteRows}:
     * scikit-learn's {@code silhouette_score(sample_size=silhouetteRows, random_state=seed)}, that is the mean
     * silhouette of the sampled rows computed against the sampled rows only. The other figures use all rows.
     *
     * @param silhouetteRows the largest number of rows the silhouette is computed on
     * @param seed chooses the sample
     */
    public static ClusterQuality compute(Clustering c, int threads, BooleanSupplier cancelled, int silhouetteRows,
            long seed) {
        return compute(c, threads, cancelled, silhouetteRows, seed, (done, total) -> { });
    }

    /** Tells how far the silhouette has got: rows done of the rows it is measured on. */
    @FunctionalInterface
    public interface SilhouetteProgress {
        void rowsDone(long done, long total);
    }

    /** As above, reporting the silhouette's progress (called from its threads). */
    public static ClusterQuality compute(Clustering c, int threads, BooleanSupplier cancelled, int silhouetteRows,
            long seed, SilhouetteProgress progress) {
        double[] centroids = c.centroids();
        double inertia = inertia(c, centroids);
        if (!c.scorable()) {
            return new ClusterQuality(inertia, Double.NaN, Double.NaN, Double.NaN);
        }
        Clustering forSilhouette = c.n > silhouetteRows ? c.sample(silhouetteRows, seed) : c;
        long measured = forSilhouette.n;
        Silhouette.Values silhouette = Silhouette.of(forSilhouette, threads, cancelled,
                done -> progress.rowsDone(done, measured));
        return new ClusterQuality(inertia, silhouette.mean(), daviesBouldin(c, centroids),
                calinskiHarabasz(c, centroids, inertia), silhouette.values().length,
                perSegment(forSilhouette, silhouette.values()));
    }

    /**
     * Each segment's rows' silhouettes: count, mean, share below 0, and the sorted values thinned for a plot.
     * Segments with no measured row (empty, or missed by the sample) get a count of 0 and a NaN mean.
     */
    static List<SegmentSilhouette> perSegment(Clustering c, double[] values) {
        if (values.length == 0) {
            return List.of();
        }
        int[] count = new int[c.segments];
        for (int i = 0; i < c.n; i++) {
            count[c.segmentOf[c.labels[i]]]++;
        }
        double[][] bySegment = new double[c.segments][];
        for (int s = 0; s < c.segments; s++) {
            bySegment[s] = new double[count[s]];
        }
        int[] filled = new int[c.segments];
        for (int i = 0; i < c.n; i++) {
            int s = c.segmentOf[c.labels[i]];
            bySegment[s][filled[s]++] = values[i];
        }
        List<SegmentSilhouette> result = new ArrayList<>(c.segments);
        for (int s = 0; s < c.segments; s++) {
            double[] v = bySegment[s];
            Arrays.sort(v);
            double sum = 0;
            int negative = 0;
            for (double x : v) { // ascending: the same order for every run, so the sum is reproducible
                sum += x;
                if (x < 0) {
                    negative++;
                }
            }
            int m = v.length;
            int points = Math.min(m, SegmentSilhouette.PROFILE_POINTS);
            double[] profile = new double[points];
            for (int j = 0; j < points; j++) {
                // evenly spaced ranks from the highest (rank 0) to the lowest (rank m - 1)
                int rank = points == 1 ? 0 : (int) Math.round((double) j * (m - 1) / (points - 1));
                profile[j] = v[m - 1 - rank];
            }
            result.add(new SegmentSilhouette(s, m, m == 0 ? Double.NaN : sum / m, m == 0 ? 0 : (double) negative / m,
                    profile));
        }
        return result;
    }

    /** Sum of squared distances of each row to the mean of its cluster (K-Means' objective). */
    private static double inertia(Clustering c, double[] centroids) {
        double[] x = c.x;
        int d = c.d;
        double sum = 0;
        for (int i = 0; i < c.n; i++) {
            int row = i * d;
            int base = c.labels[i] * d;
            for (int t = 0; t < d; t++) {
                double diff = x[row + t] - centroids[base + t];
                sum += diff * diff;
            }
        }
        return sum;
    }

    /**
     * scikit-learn's {@code davies_bouldin_score}: the mean over clusters of the worst ratio
     * {@code (s_i + s_j) / d(c_i, c_j)}, where {@code s} is the mean distance of members to their centroid.
     * It is 0 when all {@code s} or all centroid distances are (close to) 0, and a pair of coinciding
     * centroids contributes 0 (scikit-learn divides by infinity there).
     */
    private static double daviesBouldin(Clustering c, double[] centroids) {
        int m = c.clusters;
        int d = c.d;
        double[] intra = new double[m];
        for (int i = 0; i < c.n; i++) {
            intra[c.labels[i]] += distance(c.x, i * d, centroids, c.labels[i] * d, d);
        }
        boolean intraZero = true;
        for (int k = 0; k < m; k++) {
            intra[k] /= c.sizes[k];
            intraZero &= Math.abs(intra[k]) <= ALL_CLOSE_ATOL;
        }
        double[] between = new double[m * m];
        boolean betweenZero = true;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double dist = a == b ? 0 : distance(centroids, a * d, centroids, b * d, d);
                between[a * m + b] = dist;
                betweenZero &= dist <= ALL_CLOSE_ATOL;
            }
        }
        if (intraZero || betweenZero) {
            return 0.0;
        }
        double sum = 0;
        for (int a = 0; a < m; a++) {
            double worst = 0;
            for (int b = 0; b < m; b++) {
                double dist = between[a * m + b];
                if (dist != 0) {
                    worst = Math.max(worst, (intra[a] + intra[b]) / dist);
                }
            }
            sum += worst;
        }
        return sum / m;
    }

    /**
     * scikit-learn's {@code calinski_harabasz_score}: between-cluster dispersion over within-cluster
     * dispersion, times {@code (n - k) / (k - 1)}; 1 when the within-cluster dispersion is 0.
     */
    private static double calinskiHarabasz(Clustering c, double[] centroids, double intra) {
        int d = c.d;
        int n = c.n;
        int m = c.clusters;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                mean[t] += c.x[i * d + t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= n;
        }
        double extra = 0;
        for (int k = 0; k < m; k++) {
            double sq = 0;
            for (int t = 0; t < d; t++) {
                double diff = centroids[k * d + t] - mean[t];
                sq += diff * diff;
            }
            extra += c.sizes[k] * sq;
        }
        return intra == 0.0 ? 1.0 : extra * (n - m) / (intra * (m - 1.0));
    }

    static double distance(double[] a, int aOffset, double[] b, int bOffset, int d) {
        double sq = 0;
        for (int t = 0; t < d; t++) {
            double diff = a[aOffset + t] - b[bOffset + t];
            sq += diff * diff;
        }
        return Math.sqrt(sq);
    }
}
