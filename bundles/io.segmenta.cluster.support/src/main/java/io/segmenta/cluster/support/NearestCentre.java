package io.segmenta.cluster.support;

/** Squared Euclidean distance and the nearest of a set of centres: the one rule every centroid model predicts by. */
public final class NearestCentre {

    private NearestCentre() {
    }

    /**
     * The index of the centre nearest to a row by squared Euclidean distance; ties go to the lowest index, and
     * NaN centres (an empty cluster during fitting) never win.
     *
     * @throws IllegalStateException when every distance is NaN (a NaN row, or no usable centre)
     */
    public static int of(double[] row, double[][] centres) {
        return of(row, centres, null, 0);
    }

    /**
     * {@link #of(double[], double[][])} that also stores the row's squared distance to that centre in
     * {@code distances[at]} (when {@code distances} is not null), so that a fit does not compute it twice.
     */
    public static int of(double[] row, double[][] centres, double[] distances, int at) {
        int best = -1;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = squaredDistance(row, centres[c]);
            if (!Double.isNaN(d) && (best < 0 || d < bestDist)) {
                best = c;
                bestDist = d;
            }
        }
        if (best < 0) {
            // callers check rows are finite, and a centre is a mean or a row; a bug otherwise
            throw new IllegalStateException("no usable centre among " + centres.length);
        }
        if (distances != null) {
            distances[at] = bestDist;
        }
        return best;
    }

    /** The nearest centre ({@link #of}) of every row. */
    public static int[] ofEach(double[][] rows, double[][] centres) {
        int[] result = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            result[i] = of(rows[i], centres);
        }
        return result;
    }

    /** The squared Euclidean distance between two points of the same length. */
    public static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }
}
