package io.segmenta.cluster.kmeans;

import io.segmenta.cluster.support.NearestCentre;
import java.util.Arrays;

/**
 * Lloyd's iterations run to a fixed point, with empty clusters re-seeded. This finishes what Smile's K-Means
 * starts: Smile stops on a distortion tolerance and leaves an empty cluster empty (its centre is NaN when
 * k-means++ seeded it on a duplicate point), whereas a segmentation needs k non-empty segments and labels
 * that are each row's nearest centre. Plain loops over primitive arrays; every step visits the rows in
 * order, so the result depends on nothing but the input.
 */
final class Lloyd {

    /** How {@link #refine} ended. */
    enum Outcome {
        /** Labels are each row's nearest centre and centres are the means of their rows. */
        CONVERGED,
        /** The iteration cap was reached first; centres are the means of their rows. */
        ITERATION_CAP,
        /** Fewer distinct rows than clusters: some cluster must stay empty. Labels and centres are unusable. */
        TOO_FEW_DISTINCT_ROWS
    }

    private Lloyd() {
    }

    /**
     * Iterates assignment and update steps from the given centres until no label changes.
     *
     * @param x the rows
     * @param centroids the starting centres, updated in place; a centre may be NaN (an empty cluster)
     * @param labels the starting labels (any values), updated in place
     * @param maxIterations the cap on update steps
     */
    static Outcome refine(double[][] x, double[][] centroids, int[] labels, int maxIterations) {
        int k = centroids.length;
        int[] size = new int[k];
        double[] dist = new double[x.length];
        for (int iteration = 1; ; iteration++) {
            boolean changed = assign(x, centroids, labels, dist, size);
            int moved = relocateEmpty(x, centroids, labels, dist, size);
            if (moved < 0) {
                return Outcome.TOO_FEW_DISTINCT_ROWS;
            }
            if (!changed && moved == 0) {
                // the centres are the means of the previous labels, and no label changed
                return Outcome.CONVERGED;
            }
            updateMeans(x, labels, size, centroids);
            if (iteration >= maxIterations) {
                return Outcome.ITERATION_CAP;
            }
        }
    }

    /**
     * Assigns every row to its nearest centre ({@link NearestCentre#of}: ties to the lowest index, NaN centres
     * never win), storing
     * the squared distance and counting cluster sizes.
     *
     * @return whether any label changed
     */
    static boolean assign(double[][] x, double[][] centroids, int[] labels, double[] dist, int[] size) {
        Arrays.fill(size, 0);
        boolean changed = false;
        for (int i = 0; i < x.length; i++) {
            int best = NearestCentre.of(x[i], centroids, dist, i);
            if (labels[i] != best) {
                labels[i] = best;
                changed = true;
            }
            size[best]++;
        }
        return changed;
    }

    /**
     * Gives each empty cluster the row farthest from its centre among clusters of two or more rows, as
     * scikit-learn does, and puts the empty cluster's centre on that row.
     *
     * @return how many clusters were filled, or -1 when an empty cluster cannot be filled because every row
     *         already sits on its centre, which means there are fewer distinct rows than clusters
     */
    static int relocateEmpty(double[][] x, double[][] centroids, int[] labels, double[] dist, int[] size) {
        int moved = 0;
        for (int e = 0; e < centroids.length; e++) {
            if (size[e] > 0) {
                continue;
            }
            int donor = -1;
            double farthest = 0;
            for (int i = 0; i < x.length; i++) {
                if (dist[i] > farthest && size[labels[i]] > 1) {
                    farthest = dist[i];
                    donor = i;
                }
            }
            if (donor < 0) {
                return -1;
            }
            size[labels[donor]]--;
            labels[donor] = e;
            size[e] = 1;
            dist[donor] = 0;
            centroids[e] = x[donor].clone();
            moved++;
        }
        return moved;
    }

    /** Sets every centre with at least one row to the mean of its rows. */
    static void updateMeans(double[][] x, int[] labels, int[] size, double[][] centroids) {
        int k = centroids.length;
        int d = x.length == 0 ? 0 : x[0].length;
        double[][] sum = new double[k][d];
        for (int i = 0; i < x.length; i++) {
            double[] s = sum[labels[i]];
            double[] row = x[i];
            for (int j = 0; j < d; j++) {
                s[j] += row[j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (size[c] > 0) {
                for (int j = 0; j < d; j++) {
                    sum[c][j] /= size[c];
                }
                centroids[c] = sum[c];
            }
        }
    }

    /** The sum of squared Euclidean distances from each row to its labelled centre (K-Means' inertia). */
    static double inertia(double[][] x, double[][] centroids, int[] labels) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            total += NearestCentre.squaredDistance(x[i], centroids[labels[i]]);
        }
        return total;
    }

    /** The sum of squared distances from each row to the mean of all rows (the inertia of one cluster). */
    static double totalSumOfSquares(double[][] x) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double total = 0;
        for (double[] row : x) {
            total += NearestCentre.squaredDistance(row, mean);
        }
        return total;
    }

    /** How many different rows there are (exact comparison); used only to explain a failure. */
    static int distinctRows(double[][] x) {
        double[][] sorted = x.clone();
        Arrays.sort(sorted, Arrays::compare);
        int distinct = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (Arrays.compare(sorted[i - 1], sorted[i]) != 0) {
                distinct++;
            }
        }
        return distinct;
    }
}
