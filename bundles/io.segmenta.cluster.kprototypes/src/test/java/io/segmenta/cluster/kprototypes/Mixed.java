package io.segmenta.cluster.kprototypes;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Feature matrices for tests. */
final class Mixed {
    private Mixed() {
    }

    /** A categorical column from text values (null: missing), levels in order of first appearance. */
    static CategoricalColumn categorical(String name, String... values) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        int[] c = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i] == null ? CategoricalColumn.MISSING
                    : codes.computeIfAbsent(values[i], v -> codes.size());
        }
        return new CategoricalColumn(name, c, new ArrayList<>(codes.keySet()));
    }

    /** A customer matrix; numeric rows may be empty arrays (no numeric columns), ids c1, c2, ... */
    static FeatureMatrix of(double[][] rows, List<CategoricalColumn> categorical) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("c" + (i + 1));
        }
        List<NumericColumn> columns = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = rows[i][j];
            }
            columns.add(new NumericColumn("x" + j, values));
        }
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, columns, categorical, null);
    }

    /** A categorical-only matrix of n rows. */
    static FeatureMatrix categoricalOnly(int n, List<CategoricalColumn> categorical) {
        return of(new double[n][0], categorical);
    }
}
