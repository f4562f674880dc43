package io.segmenta.table.column;

import io.segmenta.api.data.NumericColumn;
import java.util.Arrays;

/** Appends doubles to a growing primitive array. Not thread-safe. */
public final class DoubleColumnBuilder {
    private double[] values;
    private int size;

    public DoubleColumnBuilder() {
        this(1024);
    }

    public DoubleColumnBuilder(int initialCapacity) {
        values = new double[Math.max(16, initialCapacity)];
    }

    public void add(double value) {
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
        return new NumericColumn(name, toArray());
    }
}
