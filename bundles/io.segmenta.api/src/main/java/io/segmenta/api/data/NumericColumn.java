package io.segmenta.api.data;

import java.util.Objects;

/**
 * A column of doubles. {@link #values()} returns the backing array without copying, for speed: callers
 * must not modify it.
 */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;

    public NumericColumn(String name, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Objects.requireNonNull(values, "values");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    public double get(int row) {
        return values[row];
    }

    /** The backing array (not a copy; do not modify). */
    public double[] values() {
        return values;
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + values.length + " rows]";
    }
}
