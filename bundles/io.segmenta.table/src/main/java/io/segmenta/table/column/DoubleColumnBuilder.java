package io.segmenta.table.column;

import io.segmenta.api.data.NumericColumn;
import java.util.Arrays;

/**
 * Appends doubles to a growing primitive array. A {@link #discarding()} builder keeps nothing (for a column nothing
 * in the run reads). Not thread-safe.
 */
public final class DoubleColumnBuilder {
    private final boolean keeps;
    private double[] values;
    private int size;

    public DoubleColumnBuilder() {
        this(1024);
    }

    public DoubleColumnBuilder(int initialCapacity) {
        this(initialCapacity, true);
    }

    private DoubleColumnBuilder(int initialCapacity, boolean keeps) {
        this.keeps = keeps;
        values = new double[keeps ? Math.max(16, initialCapacity) : 0];
    }

    /**
     * A builder that takes values and keeps none (no rows); {@link #build} is refused.
     *
     * @since 1.1
     */
    public static DoubleColumnBuilder discarding() {
        return new DoubleColumnBuilder(0, false);
    }

    /**
     * False for a {@link #discarding()} builder: a source may then skip computing the values.
     *
     * @since 1.1
     */
    public boolean keeps() {
        return keeps;
    }

    public void add(double value) {
        if (!keeps) {
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, Capacity.grow(values.length));
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public double get(int index) {
        return values[index];
    }

    /** The values so far, trimmed to size. */
    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    public NumericColumn build(String name) {
        if (!keeps) {
            throw new IllegalStateException("column " + name + " was discarded");
        }
        return new NumericColumn(name, toArray());
    }
}
