package io.segmenta.cluster.support;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterRequest;

/** The checks a centroid algorithm makes before fitting (or placing rows), each failing with one line. */
public final class FitChecks {

    private FitChecks() {
    }

    /**
     * k of at least 2, at least one run and an iteration cap of at least 1.
     *
     * @throws SegmentaException naming the algorithm and the value
     */
    public static void requireParameters(String algorithm, ClusterRequest request) {
        if (request.k() < 2) {
            throw new SegmentaException(algorithm + ": k must be at least 2, got " + request.k());
        }
        if (request.runs() < 1) {
            throw new SegmentaException(algorithm + ": the number of runs must be at least 1, got " + request.runs());
        }
        if (request.maxIterations() < 1) {
            throw new SegmentaException(algorithm + ": the iteration cap must be at least 1, got "
                    + request.maxIterations());
        }
    }

    /**
     * At least one row, and no more segments than rows.
     *
     * @throws SegmentaException saying how many entities there are
     */
    public static void requireRows(String algorithm, int k, FeatureMatrix features) {
        String entity = features.entity().label();
        int n = features.rowCount();
        if (n == 0) {
            throw new SegmentaException(algorithm + ": there are no " + entity + "s to cluster");
        }
        if (k > n) {
            throw new SegmentaException("k = " + k + " but there " + (n == 1 ? "is" : "are") + " only " + n + " "
                    + entity + (n == 1 ? "" : "s"));
        }
    }

    /**
     * Rejects NaN and infinite numeric values, naming the column and the entity, since they would silently turn
     * into NaN centres or distances.
     *
     * @param title the algorithm in prose, e.g. "K-Means"
     */
    public static void requireFinite(String algorithm, String title, FeatureMatrix features) {
        for (NumericColumn column : features.numeric()) {
            double[] values = column.values();
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (!Double.isFinite(v)) {
                    throw new SegmentaException(algorithm + ": column '" + column.name() + "' is " + v + " for "
                            + features.entity().label() + " " + features.ids().get(i) + " (row " + (i + 1) + "); "
                            + title + " needs a finite number in every numeric column");
                }
            }
        }
    }
}
