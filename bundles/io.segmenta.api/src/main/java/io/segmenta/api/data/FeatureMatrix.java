package io.segmenta.api.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Features per entity (customer or seller), columnar: numeric columns as {@code double[]}, categorical
 * columns dictionary-encoded. Row {@code i} of every column belongs to entity {@code ids.get(i)}.
 *
 * @param entity what a row stands for
 * @param ids entity keys, one per row, as they appear in the transactions table
 * @param numeric numeric feature columns
 * @param categorical categorical feature columns
 * @param valueColumn the name of the numeric column that measures money (used for shares of revenue), or
 *        {@code null} when there is none
 */
public record FeatureMatrix(EntityKind entity, List<String> ids, List<NumericColumn> numeric,
        List<CategoricalColumn> categorical, String valueColumn) {

    public FeatureMatrix {
        Objects.requireNonNull(entity, "entity");
        ids = List.copyOf(ids);
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
        for (Column c : numeric) {
            check(c, ids.size());
        }
        for (Column c : categorical) {
            check(c, ids.size());
        }
        if (valueColumn != null && numeric.stream().noneMatch(c -> c.name().equals(valueColumn))) {
            throw new IllegalArgumentException("value column " + valueColumn + " is not a numeric column");
        }
    }

    private static void check(Column c, int rows) {
        if (c.size() != rows) {
            throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + rows);
        }
    }

    public int rowCount() {
        return ids.size();
    }

    public List<String> numericNames() {
        return numeric.stream().map(NumericColumn::name).toList();
    }

    public Optional<NumericColumn> numericColumn(String name) {
        return numeric.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The value column, when there is one. */
    public Optional<NumericColumn> value() {
        return valueColumn == null ? Optional.empty() : numericColumn(valueColumn);
    }

    /** A copy with other numeric columns (same names, e.g. after scaling) and the same everything else. */
    public FeatureMatrix withNumeric(List<NumericColumn> columns) {
        return new FeatureMatrix(entity, ids, columns, categorical, valueColumn);
    }

    /**
     * The numeric columns as rows ({@code [row][column]}), the layout most clustering libraries take.
     * This copies; call it once per fit.
     */
    public double[][] numericRows() {
        int n = rowCount();
        int d = numeric.size();
        double[][] rows = new double[n][d];
        for (int j = 0; j < d; j++) {
            double[] col = numeric.get(j).values();
            for (int i = 0; i < n; i++) {
                rows[i][j] = col[i];
            }
        }
        return rows;
    }
}
