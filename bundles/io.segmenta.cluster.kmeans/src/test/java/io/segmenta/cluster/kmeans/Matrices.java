package io.segmenta.cluster.kmeans;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Feature matrices for tests. */
final class Matrices {
    private Matrices() {
    }

    /** A customer matrix from rows, with columns x0, x1, ... and ids c1, c2, ... */
    static FeatureMatrix of(double[][] rows) {
        return of(rows, List.of());
    }

    static FeatureMatrix of(double[][] rows, List<CategoricalColumn> categorical) {
        int d = rows[0].length;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return of(rows, names, categorical);
    }

    static FeatureMatrix of(double[][] rows, List<String> names, List<CategoricalColumn> categorical) {
        int n = rows.length;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("c" + (i + 1));
        }
        List<NumericColumn> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = rows[i][j];
            }
            columns.add(new NumericColumn(names.get(j), values));
        }
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, columns, categorical, null);
    }

    /**
     * Three well separated Gaussian blobs in 2-D (standard deviation 1, centres 20 apart), {@code perBlob}
     * points each, interleaved so that row i belongs to blob i % 3.
     */
    static double[][] threeBlobs(int perBlob, long seed) {
        double[][] centres = {{0, 0}, {20, 0}, {10, 20}};
        Random random = new Random(seed);
        double[][] rows = new double[3 * perBlob][];
        for (int i = 0; i < rows.length; i++) {
            double[] c = centres[i % 3];
            rows[i] = new double[] {c[0] + random.nextGaussian(), c[1] + random.nextGaussian()};
        }
        return rows;
    }
}
