package io.segmenta.engine.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.engine.internal.Lcg;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {
    private static final double EXACT = 1e-12;

    /**
     * Four points on a line, {0, 1} and {4, 5}.
     * <pre>
     * centroids 0.5 and 4.5; inertia = 4 * 0.5² = 1
     * silhouette: x=0: a = 1, b = (4 + 5) / 2 = 4.5, s = 3.5 / 4.5 = 7/9
     *             x=1: a = 1, b = (3 + 4) / 2 = 3.5, s = 2.5 / 3.5 = 5/7
     *             x=4 and x=5 mirror x=1 and x=0
     *             mean = (7/9 + 5/7) / 2 = 47/63
     * Davies-Bouldin: s0 = s1 = 0.5 (mean distance to the centroid), d(c0, c1) = 4,
     *             R = (0.5 + 0.5) / 4 = 0.25 for both clusters, DB = 0.25
     * Calinski-Harabasz: overall mean 2.5; between = 2 * 2² + 2 * 2² = 16; within = 1;
     *             CH = 16 * (4 - 2) / (1 * (2 - 1)) = 32
     * </pre>
     */
    @Test
    void silhouetteProgressRisesToEveryRow() {
        int n = 3000;
        double[] x = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 10 + (i % 2) * 100;
            labels[i] = i % 2;
        }
        List<long[]> calls = Collections.synchronizedList(new ArrayList<>());
        ClusterQuality q = ClusterMetrics.compute(new Clustering(x, n, 1, labels, 2), 3, () -> false, n, 1L,
                (done, total) -> calls.add(new long[] {done, total}));
        // at most one call per pair of tiles (12 tiles of 256 rows or fewer: 78 pairs), each count at least
        // a block of rows higher than the one before, the last one every row
        assertTrue(calls.size() > 1 && calls.size() <= n / Silhouette.ROW_BLOCK + 1, calls.size() + " calls");
        long previous = 0;
        for (long[] call : calls) {
            assertTrue(call[0] >= previous + Silhouette.ROW_BLOCK || call[0] == n, call[0] + " after " + previous);
            assertEquals(n, call[1]);
            previous = call[0];
        }
        assertEquals(n, previous);
        assertEquals(Silhouette.mean(new Clustering(x, n, 1, labels, 2), 1, () -> false), q.silhouette(), 1e-12);
    }

    @Test
    void fourPointsInOneDimension() {
        Clustering c = new Clustering(new double[] {0, 1, 4, 5}, 4, 1, new int[] {0, 0, 1, 1}, 2);
        ClusterQuality q = ClusterMetrics.compute(c, 1, () -> false);
        assertEquals(1.0, q.inertia(), EXACT);
        assertEquals(47.0 / 63.0, q.silhouette(), EXACT);
        assertEquals(0.25, q.daviesBouldin(), EXACT);
        assertEquals(32.0, q.calinskiHarabasz(), EXACT);
    }

    /**
     * Two points in 2-D per cluster, labels interleaved in the input order.
     * <pre>
     * cluster 0: (0,0), (0,2) centroid (0,1); cluster 1: (3,0), (3,2) centroid (3,1)
     * inertia = 4 * 1² = 4
     * silhouette: (0,0): a = 2, b = (3 + √13) / 2, s = (b - a) / b; the same for every point by symmetry
     * Davies-Bouldin: s0 = s1 = 1, d = 3, DB = 2/3
     * Calinski-Harabasz: mean (1.5, 1); between = 4 * 1.5² = 9; within = 4; CH = 9 * 2 / 4 = 4.5
     * </pre>
     */
    @Test
    void twoDimensionsAndInterleavedLabels() {
        double[] x = {0, 0, 3, 0, 0, 2, 3, 2};
        Clustering c = new Clustering(x, 4, 2, new int[] {0, 1, 0, 1}, 2);
        ClusterQuality q = ClusterMetrics.compute(c, 1, () -> false);
        double b = (3 + Math.sqrt(13)) / 2;
        assertEquals(4.0, q.inertia(), EXACT);
        assertEquals((b - 2) / b, q.silhouette(), EXACT);
        assertEquals(2.0 / 3.0, q.daviesBouldin(), EXACT);
        assertEquals(4.5, q.calinskiHarabasz(), EXACT);
    }

    /**
     * A cluster of one has silhouette 0, as in scikit-learn.
     * <pre>
     * {0, 1} and {10}: x=0: a = 1, b = 10, s = 0.9; x=1: a = 1, b = 9, s = 8/9; x=10: 0
     * mean = (0.9 + 8/9) / 3
     * </pre>
     */
    @Test
    void singletonClusterCountsAsZero() {
        Clustering c = new Clustering(new double[] {0, 1, 10}, 3, 1, new int[] {0, 0, 1}, 2);
        assertEquals((0.9 + 8.0 / 9.0) / 3, Silhouette.mean(c, 1, () -> false), EXACT);
    }

    /** Duplicate rows in different clusters give a = b = 0, which scikit-learn turns into 0 (nan_to_num). */
    @Test
    void identicalPointsInTwoClustersScoreZero() {
        Clustering c = new Clustering(new double[] {1, 1, 1, 1}, 4, 1, new int[] {0, 0, 1, 1}, 2);
        ClusterQuality q = ClusterMetrics.compute(c, 1, () -> false);
        assertEquals(0.0, q.silhouette(), EXACT);
        assertEquals(0.0, q.inertia(), EXACT);
        // within-cluster dispersion 0: scikit-learn returns 1.0; all centroid distances 0: DB is 0
        assertEquals(1.0, q.calinskiHarabasz(), EXACT);
        assertEquals(0.0, q.daviesBouldin(), EXACT);
    }

    /** An empty cluster is ignored, as scikit-learn only sees the labels that occur. */
    @Test
    void emptyClusterDoesNotCount() {
        Clustering withEmpty = new Clustering(new double[] {0, 1, 4, 5}, 4, 1, new int[] {0, 0, 2, 2}, 3);
        assertEquals(2, withEmpty.clusters());
        ClusterQuality q = ClusterMetrics.compute(withEmpty, 1, () -> false);
        assertEquals(47.0 / 63.0, q.silhouette(), EXACT);
        assertEquals(32.0, q.calinskiHarabasz(), EXACT);
    }

    @Test
    void undefinedScoresAreNaNButInertiaIsNot() {
        Clustering one = new Clustering(new double[] {0, 1, 4}, 3, 1, new int[] {0, 0, 0}, 2);
        ClusterQuality q = ClusterMetrics.compute(one, 1, () -> false);
        assertEquals(8.0 + 2.0 / 3.0, q.inertia(), EXACT); // mean 5/3: (25 + 4 + 49) / 9
        assertTrue(Double.isNaN(q.silhouette()));
        assertTrue(Double.isNaN(q.daviesBouldin()));
        assertTrue(Double.isNaN(q.calinskiHarabasz()));
        // as many clusters as rows: scikit-learn requires at most n - 1
        Clustering each = new Clustering(new double[] {0, 1, 4}, 3, 1, new int[] {0, 1, 2}, 3);
        assertTrue(Double.isNaN(ClusterMetrics.compute(each, 1, () -> false).silhouette()));
    }

    @Test
    void tightSeparatedClustersHaveSilhouetteNearOne() {
        int n = 300;
        double[] x = new double[n * 2];
        int[] labels = new int[n];
        double[] u = Lcg.doubles(11, n * 2);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            x[i * 2] = 100 * labels[i] + 0.01 * u[i * 2];
            x[i * 2 + 1] = -50 * labels[i] + 0.01 * u[i * 2 + 1];
        }
        ClusterQuality q = ClusterMetrics.compute(new Clustering(x, n, 2, labels, 3), 2, () -> false);
        assertTrue(q.silhouette() > 0.999, "silhouette " + q.silhouette());
        assertTrue(q.daviesBouldin() < 0.001, "Davies-Bouldin " + q.daviesBouldin());
    }

    /**
     * Reference values from scikit-learn 1.2.1 (Debian python3-sklearn) for the matrix {@link #referenceRows}
     * builds, obtained with:
     * <pre>
     * import numpy as np
     * from sklearn.metrics import silhouette_score, davies_bouldin_score, calinski_harabasz_score
     * M = (1 &lt;&lt; 64) - 1
     * def gen(seed, count):
     *     s = seed &amp; M; out = []
     *     for _ in range(count):
     *         s = (s * 6364136223846793005 + 1442695040888963407) &amp; M
     *         out.append((s &gt;&gt; 11) * 2.0 ** -53)
     *     return out
     * n, d, k = 200, 3, 4
     * u = gen(7, n * d)
     * centers = [[0, 0, 0], [3, 0, 1], [0, 4, -1], [2, 2, 2]]
     * X = np.array([[centers[i % k][t] + 3.0 * (u[i * d + t] - 0.5) for t in range(d)] for i in range(n)])
     * labels = np.array([i % k for i in range(n)])
     * print(repr(silhouette_score(X, labels)), repr(davies_bouldin_score(X, labels)),
     *       repr(calinski_harabasz_score(X, labels)))
     * print(repr(sum(((X[labels == c] - X[labels == c].mean(axis=0)) ** 2).sum() for c in range(k))))
     * </pre>
     * scikit-learn computes distances as sqrt(|x|² + |y|² - 2 x·y), we as sqrt(Σ(x - y)²): the figures agree
     * to about 1e-13, hence the tolerance.
     */
    @Test
    void matchesScikitLearnOnAFixedMatrix() {
        int n = 200;
        int k = 4;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
        }
        Clustering c = new Clustering(referenceRows(), n, 3, labels, k);
        ClusterQuality q = ClusterMetrics.compute(c, 2, () -> false);
        assertEquals(0.3860740070649771, q.silhouette(), 1e-11);
        assertEquals(0.957761085841371, q.daviesBouldin(), 1e-11);
        assertEquals(171.03373565208145, q.calinskiHarabasz(), 1e-9);
        assertEquals(430.11051101194096, q.inertia(), 1e-9);
    }

    static double[] referenceRows() {
        int n = 200;
        int d = 3;
        double[][] centers = {{0, 0, 0}, {3, 0, 1}, {0, 4, -1}, {2, 2, 2}};
        double[] u = Lcg.doubles(7, n * d);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i * d + t] = centers[i % 4][t] + 3.0 * (u[i * d + t] - 0.5);
            }
        }
        return x;
    }

    /**
     * Against the definition computed the plain way, on data large enough that clusters span several tiles
     * and rows several blocks, with very uneven cluster sizes and labels in no particular order.
     */
    @Test
    void matchesTheDefinitionOnUnevenClusters() {
        int n = 700;
        int d = 2;
        double[] u = Lcg.doubles(9, n * (d + 1));
        double[] x = new double[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double r = u[n * d + i];
            labels[i] = r < 0.7 ? 0 : r < 0.95 ? 1 : 2; // about 490, 175 and 35 members
            x[i * d] = u[i * d] + labels[i];
            x[i * d + 1] = u[i * d + 1] - 0.5 * labels[i];
        }
        double expected = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[3];
            int[] count = new int[3];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum[labels[j]] += Math.hypot(x[i * d] - x[j * d], x[i * d + 1] - x[j * d + 1]);
                    count[labels[j]]++;
                }
            }
            double a = sum[labels[i]] / count[labels[i]];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < 3; c++) {
                if (c != labels[i]) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            expected += (b - a) / Math.max(a, b);
        }
        expected /= n;
        assertEquals(expected, Silhouette.mean(new Clustering(x, n, d, labels, 3), 2, () -> false), 1e-12);
    }

    /** The result does not depend on the number of threads, to the last bit. */
    @Test
    void threadCountDoesNotChangeTheResult() {
        int n = 1000;
        int d = 3;
        double[] x = Lcg.doubles(3, n * d);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (int) (x[i * d] * 5);
        }
        Clustering c = new Clustering(x, n, d, labels, 5);
        double one = Silhouette.mean(c, 1, () -> false);
        double four = Silhouette.mean(c, 4, () -> false);
        assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(four));
        assertTrue(one > 0 && one < 1, "silhouette " + one);
    }

    @Test
    void cancellationStopsTheSilhouette() {
        int n = 500;
        double[] x = Lcg.doubles(5, n);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
        }
        Clustering c = new Clustering(x, n, 1, labels, 2);
        assertThrows(RunCancelledException.class, () -> Silhouette.mean(c, 2, () -> true));
        assertThrows(RunCancelledException.class, () -> Silhouette.mean(c, 1, () -> true));
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> new Clustering(new double[3], 2, 2, new int[2], 2));
        assertThrows(IllegalArgumentException.class, () -> new Clustering(new double[2], 2, 1, new int[3], 2));
        assertThrows(IllegalArgumentException.class, () -> new Clustering(new double[2], 2, 1, new int[] {0, 2}, 2));
    }

    /**
     * The silhouette with K-Prototypes' distance {@code sqrt(squared Euclidean + gamma x mismatches)} on 300 rows
     * (2 numeric, 2 categorical columns with missing values, 3 clusters, gamma 0.7) against scikit-learn 1.2.1:
     * {@code silhouette_score(D, labels, metric="precomputed")} on those distances gives 0.11154682734057833, and
     * {@code silhouette_score(X, labels)} on the numeric columns alone 0.13543192481087027. The data and the
     * script that made it and those figures: src/test/resources/metrics/mixed-silhouette.{csv,py}.
     */
    @Test
    void mixedSilhouetteMatchesScikitLearnOnPrecomputedKPrototypesDistances() throws Exception {
        List<String> lines;
        try (var in = getClass().getResourceAsStream("/metrics/mixed-silhouette.csv")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        int n = lines.size();
        double[] x = new double[n * 2];
        int[] codes = new int[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(",");
            x[2 * i] = Double.parseDouble(f[0]);
            x[2 * i + 1] = Double.parseDouble(f[1]);
            codes[2 * i] = (int) Double.parseDouble(f[2]);
            codes[2 * i + 1] = (int) Double.parseDouble(f[3]);
            labels[i] = (int) Double.parseDouble(f[4]);
        }
        Clustering mixed = new Clustering(x, n, 2, labels, 3, codes, 2, 0.7);
        assertEquals(0.11154682734057833, Silhouette.mean(mixed, 1, () -> false), EXACT);
        assertEquals(0.11154682734057833, Silhouette.mean(mixed, 2, () -> false), EXACT);
        assertEquals(0.13543192481087027, Silhouette.mean(new Clustering(x, n, 2, labels, 3), 2, () -> false), EXACT);
        // gamma 0 is the numeric silhouette; a sample keeps the categorical columns
        assertEquals(0.13543192481087027, Silhouette.mean(new Clustering(x, n, 2, labels, 3, codes, 2, 0), 1,
                () -> false), EXACT);
        Clustering sample = mixed.sample(n, 5);
        assertEquals(0.11154682734057833, Silhouette.mean(sample, 1, () -> false), EXACT);
    }

    /**
     * Per segment: the count, mean, share below zero, highest and lowest of scikit-learn 1.2.1's
     * {@code silhouette_samples} on the same 300 rows, Euclidean and mixed (precomputed sqrt(squared Euclidean +
     * 0.7 x mismatches)); the figures are printed by src/test/resources/metrics/per-segment-silhouette.py.
     */
    @Test
    void perSegmentSilhouetteMatchesScikitLearn() throws Exception {
        List<String> lines;
        try (var in = getClass().getResourceAsStream("/metrics/mixed-silhouette.csv")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        int n = lines.size();
        double[] x = new double[n * 2];
        int[] codes = new int[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(",");
            x[2 * i] = Double.parseDouble(f[0]);
            x[2 * i + 1] = Double.parseDouble(f[1]);
            codes[2 * i] = (int) Double.parseDouble(f[2]);
            codes[2 * i + 1] = (int) Double.parseDouble(f[3]);
            labels[i] = (int) Double.parseDouble(f[4]);
        }
        double[][] euclidean = {
            {99, 0.032454021472432024, 0.32323232323232326, 0.31764332594854616, -0.6662833715521224},
            {101, 0.09610633568052183, 0.3069306930693069, 0.4190459563822771, -0.4663766352937466},
            {100, 0.277098894137576, 0.15, 0.5215407204409047, -0.49706362362934703}};
        double[][] mixed = {
            {99, 0.023443719403050855, 0.3333333333333333, 0.28060161225256697, -0.6027424445505447},
            {101, 0.07231856198590925, 0.32673267326732675, 0.3421610362772875, -0.3907959154768657},
            {100, 0.2383894522069464, 0.15, 0.45262817662978755, -0.43293835056900376}};
        check(ClusterMetrics.compute(new Clustering(x, n, 2, labels, 3), 2, () -> false), euclidean, n);
        check(ClusterMetrics.compute(new Clustering(x, n, 2, labels, 3, codes, 2, 0.7), 2, () -> false), mixed, n);
    }

    private static void check(io.segmenta.api.pipeline.ClusterQuality q, double[][] expected, int n) {
        assertEquals(n, q.silhouetteMeasured());
        assertEquals(3, q.segmentSilhouettes().size());
        double weighted = 0;
        for (int s = 0; s < 3; s++) {
            var seg = q.segmentSilhouettes().get(s);
            assertEquals(s, seg.segment());
            assertEquals((int) expected[s][0], seg.measured());
            assertEquals(expected[s][1], seg.mean(), 1e-12);
            assertEquals(expected[s][2], seg.negativeShare(), 0);
            double[] profile = seg.profile();
            assertEquals(seg.measured(), profile.length, "fewer than 200 rows: every value is kept");
            assertEquals(expected[s][3], profile[0], 1e-12, "highest first");
            assertEquals(expected[s][4], profile[profile.length - 1], 1e-12, "lowest last");
            for (int j = 1; j < profile.length; j++) {
                assertTrue(profile[j] <= profile[j - 1], "sorted from highest to lowest");
            }
            weighted += seg.mean() * seg.measured();
        }
        assertEquals(q.silhouette(), weighted / n, 1e-12, "the segments' means weigh up to the overall mean");
    }

    @Test
    void aLargeSegmentsProfileIsThinnedToEvenlySpacedRanksKeepingBothEnds() {
        int n = 1000;
        double[] x = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 900 ? 0 : 1;
            x[i] = i < 900 ? i * 0.001 : 10 + i * 0.001;
        }
        var q = ClusterMetrics.compute(new Clustering(x, n, 1, labels, 3), 1, () -> false);
        var big = q.segmentSilhouettes().get(0);
        assertEquals(900, big.measured());
        assertEquals(io.segmenta.api.pipeline.SegmentSilhouette.PROFILE_POINTS, big.profile().length);
        assertEquals(0, q.segmentSilhouettes().get(2).measured(), "an empty segment is listed, with nothing measured");
        assertTrue(Double.isNaN(q.segmentSilhouettes().get(2).mean()));
        // a sample keeps the segment numbers of the whole clustering
        var sampled = ClusterMetrics.compute(new Clustering(x, n, 1, labels, 3), 1, () -> false, 100, 3L);
        assertEquals(100, sampled.silhouetteMeasured());
        assertEquals(100, sampled.segmentSilhouettes().get(0).measured() + sampled.segmentSilhouettes().get(1).measured());
        assertEquals(3, sampled.segmentSilhouettes().size());
    }

    /** Categorical columns only: the distance is sqrt(gamma x mismatches). */
    @Test
    void categoricalOnlySilhouette() {
        // rows: (a), (a), (b), (b); clusters {0, 1} and {2, 3}: a = 0, b = sqrt(2) for every row
        Clustering c = new Clustering(new double[0], 4, 0, new int[] {0, 0, 1, 1}, 2, new int[] {0, 0, 1, 1}, 1, 2);
        assertEquals(1.0, Silhouette.mean(c, 1, () -> false), EXACT);
    }
}
