package io.segmenta.cluster.kprototypes;

/**
 * The rows to cluster, flat and row-major: {@code num[i * d + j]} is numeric column j of row i and
 * {@code cat[i * c + j]} the code of categorical column j of row i. Categorical codes are ranks of the level
 * text in sorted order (not the column's own first-seen codes), so that "the smallest code" means what it
 * means in Python kmodes, whose label encoding is {@code np.unique}'s sorted order: mode ties are then
 * broken the same way. Read-only once built; shared by all runs.
 */
final class MixedData {
    final int n;
    final int d;
    final int c;
    final double[] num;
    final int[] cat;
    /** Number of levels of each categorical column. */
    final int[] levels;
    /** Where each categorical column's counts start within one cluster's block of counts. */
    final int[] offset;
    /** Sum of {@link #levels}: the size of one cluster's block of category counts. */
    final int levelTotal;
    /** Weight of one categorical mismatch against squared Euclidean distance. */
    final double gamma;
    /** Mean of each numeric column. */
    final double[] mean;
    /** Population standard deviation of each numeric column (numpy's default {@code ddof=0}). */
    final double[] std;

    MixedData(int n, int d, int c, double[] num, int[] cat, int[] levels, double gamma) {
        if (num.length != n * d || cat.length != n * c || levels.length != c) {
            throw new IllegalArgumentException("inconsistent dimensions");
        }
        this.n = n;
        this.d = d;
        this.c = c;
        this.num = num;
        this.cat = cat;
        this.levels = levels;
        this.offset = new int[c];
        int total = 0;
        for (int j = 0; j < c; j++) {
            offset[j] = total;
            total += levels[j];
        }
        this.levelTotal = total;
        this.gamma = gamma;
        this.mean = new double[d];
        this.std = new double[d];
        columnStatistics(num, n, d, mean, std);
    }

    /**
     * Fills the mean and population standard deviation of each column of a flat row-major matrix. Two passes
     * (mean, then squared deviations) rather than a sum of squares, which loses everything to cancellation
     * when a column's mean is large against its spread (e.g. money in rupiah).
     */
    static void columnStatistics(double[] num, int n, int d, double[] mean, double[] std) {
        java.util.Arrays.fill(mean, 0);
        java.util.Arrays.fill(std, 0);
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += num[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double t = num[i * d + j] - mean[j];
                std[j] += t * t;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j] / n);
        }
    }

    /**
     * The K-Prototypes dissimilarity of row i to prototype p: squared Euclidean distance over the numeric
     * columns plus gamma times the number of categorical mismatches (kmodes' euclidean_dissim + gamma *
     * matching_dissim, in that order of operations).
     */
    double distance(int i, double[] centres, int[] modes, int p) {
        double s = 0;
        int xo = i * d;
        int po = p * d;
        for (int j = 0; j < d; j++) {
            double t = num[xo + j] - centres[po + j];
            s += t * t;
        }
        int mismatches = 0;
        int xc = i * c;
        int pc = p * c;
        for (int j = 0; j < c; j++) {
            if (cat[xc + j] != modes[pc + j]) {
                mismatches++;
            }
        }
        return s + gamma * mismatches;
    }

    /** Whether rows a and b are identical in every column (numeric compared exactly). */
    boolean sameRow(int a, int b) {
        for (int j = 0; j < d; j++) {
            if (num[a * d + j] != num[b * d + j]) { // == on purpose: 0.0 and -0.0 are at distance 0
                return false;
            }
        }
        for (int j = 0; j < c; j++) {
            if (cat[a * c + j] != cat[b * c + j]) {
                return false;
            }
        }
        return true;
    }
}
