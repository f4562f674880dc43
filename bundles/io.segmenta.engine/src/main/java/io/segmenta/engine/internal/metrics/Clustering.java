package io.segmenta.engine.internal.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Rows and their cluster labels, in the layout the metrics need: the rows as one flat row-major
 * {@code double[]} (row {@code i}, column {@code t} at {@code i * d + t}) and labels renumbered to the
 * non-empty clusters only, as scikit-learn's metrics do (they encode the labels that occur, so an empty
 * cluster does not count towards the number of clusters).
 */
public final class Clustering {
    final double[] x;
    final int n;
    final int d;
    /** Labels renumbered 0..clusters-1 over the non-empty clusters. */
    final int[] labels;
    /** The number of non-empty clusters. */
    final int clusters;
    /** The label (as given, 0..k-1) of each renumbered cluster: the segment it is. */
    final int[] segmentOf;
    /** The number of clusters the labels may name, empty ones included: the segments. */
    final int segments;
    /** Members per (renumbered) cluster. */
    final int[] sizes;
    /** Categorical codes, flat and row-major ({@code i * c + t}); empty when {@code c} is 0. */
    final int[] categories;
    /** Categorical columns. */
    final int c;
    /** The weight of one categorical mismatch against squared numeric distance. */
    final double gamma;

    /**
     * @param x the rows, flat and row-major; not copied, not modified
     * @param n rows
     * @param d columns
     * @param labels the cluster of each row, 0 to {@code k - 1}
     * @param k the number of clusters the labels may name (some may be empty)
     * @throws IllegalArgumentException when the sizes disagree or a label is out of range
     */
    public Clustering(double[] x, int n, int d, int[] labels, int k) {
        this(x, n, d, labels, k, new int[0], 0, 0);
    }

    /**
     * Rows with categorical columns too, for the mixed distance {@code sqrt(squared Euclidean + gamma x
     * mismatches)} of K-Prototypes (used by the silhouette; Davies-Bouldin and Calinski-Harabasz, which need
     * means, stay on the numeric columns).
     *
     * @param categories the codes, flat and row-major ({@code i * c + t}); equal codes match, a missing value
     *        (-1) matches only another missing value, so that every row is at distance 0 from itself
     * @param c categorical columns
     * @param gamma the weight of one mismatch, at least 0
     */
    public Clustering(double[] x, int n, int d, int[] labels, int k, int[] categories, int c, double gamma) {
        if ((long) n * c != categories.length || !(gamma >= 0)) {
            throw new IllegalArgumentException(categories.length + " codes for " + n + " x " + c + ", gamma " + gamma);
        }
        this.categories = categories;
        this.c = c;
        this.gamma = gamma;
        this.x = Objects.requireNonNull(x, "x");
        if (n < 0 || d < 0 || (long) n * d != x.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected " + n + " x " + d);
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " rows");
        }
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            if (l < 0 || l >= k) {
                throw new IllegalArgumentException("label " + l + " of row " + i + " is not in 0.." + (k - 1));
            }
            count[l]++;
        }
        int[] renumber = new int[k];
        int m = 0;
        int[] segmentOf = new int[k];
        for (int l = 0; l < k; l++) {
            if (count[l] > 0) {
                segmentOf[m] = l;
                renumber[l] = m++;
            } else {
                renumber[l] = -1;
            }
        }
        int[] compact = new int[n];
        int[] sizes = new int[m];
        for (int i = 0; i < n; i++) {
            compact[i] = renumber[labels[i]];
            sizes[compact[i]]++;
        }
        this.n = n;
        this.d = d;
        this.labels = compact;
        this.clusters = m;
        this.sizes = sizes;
        this.segmentOf = Arrays.copyOf(segmentOf, m);
        this.segments = k;
    }

    /** The same rows with the segment labels of {@code parent}'s segments, for a sample of the parent. */
    private Clustering(Clustering sampled, Clustering parent) {
        this.x = sampled.x;
        this.n = sampled.n;
        this.d = sampled.d;
        this.labels = sampled.labels;
        this.clusters = sampled.clusters;
        this.sizes = sampled.sizes;
        this.categories = sampled.categories;
        this.c = sampled.c;
        this.gamma = sampled.gamma;
        this.segmentOf = new int[sampled.clusters];
        for (int j = 0; j < sampled.clusters; j++) {
            // the sample's labels were the parent's renumbered clusters
            segmentOf[j] = parent.segmentOf[sampled.segmentOf[j]];
        }
        this.segments = parent.segments;
    }

    /** Copies columns into the flat row-major layout. */
    public static double[] rowMajor(double[][] columns, int n) {
        int d = columns.length;
        double[] x = new double[n * d];
        for (int t = 0; t < d; t++) {
            double[] col = columns[t];
            for (int i = 0; i < n; i++) {
                x[i * d + t] = col[i];
            }
        }
        return x;
    }

    /** The number of non-empty clusters. */
    public int clusters() {
        return clusters;
    }

    /**
     * True when silhouette, Davies-Bouldin and Calinski-Harabasz are defined: scikit-learn requires
     * {@code 2 <= clusters <= n - 1} and raises otherwise.
     */
    public boolean scorable() {
        return clusters >= 2 && clusters <= n - 1;
    }

    /** The mean of each non-empty cluster, {@code [cluster * d + t]}. */
    double[] centroids() {
        double[] c = new double[clusters * d];
        for (int i = 0; i < n; i++) {
            int base = labels[i] * d;
            int row = i * d;
            for (int t = 0; t < d; t++) {
                c[base + t] += x[row + t];
            }
        }
        for (int k = 0; k < clusters; k++) {
            for (int t = 0; t < d; t++) {
                c[k * d + t] /= sizes[k];
            }
        }
        return c;
    }

    /**
     * {@code size} distinct rows of {@code n}, uniformly, in increasing order (original order: better memory
     * locality, and independent of the shuffle's order). A partial Fisher-Yates shuffle: the first {@code size}
     * slots become the sample.
     */
    public static int[] sampleRows(int n, int size, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] rows = Arrays.copyOf(order, size);
        Arrays.sort(rows);
        return rows;
    }

    /**
     * A uniform random sample of rows without replacement, as scikit-learn's
     * {@code silhouette_score(sample_size=...)} draws (not the same rows: the generators differ). The rows are
     * kept in their original order; clusters left empty by the sample are dropped, as scikit-learn does.
     *
     * @param size rows to keep, 1 to n
     * @param seed the same seed and rows give the same sample
     */
    public Clustering sample(int size, long seed) {
        if (size < 1 || size > n) {
            throw new IllegalArgumentException("sample of " + size + " rows out of " + n);
        }
        int[] rows = sampleRows(n, size, new SplittableRandom(seed));
        double[] sx = new double[size * d];
        int[] sc = new int[size * c];
        int[] sl = new int[size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(x, rows[i] * d, sx, i * d, d);
            System.arraycopy(categories, rows[i] * c, sc, i * c, c);
            sl[i] = labels[rows[i]];
        }
        return new Clustering(new Clustering(sx, size, d, sl, clusters, sc, c, gamma), this);
    }

    /** Rows. */
    public int rows() {
        return n;
    }
}
