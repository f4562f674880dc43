package io.segmenta.table.column;

import io.segmenta.api.data.TimestampColumn;
import java.util.Arrays;

/** Appends longs (timestamps as seconds) to a growing primitive array. Not thread-safe. */
public final class LongColumnBuilder {
    private long[] values;
    private int size;

    public LongColumnBuilder() {
        this(1024);
    }

    public LongColumnBuilder(int initialCapacity) {
        values = new long[Math.max(16, initialCapacity)];
    }

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Capacity.grow(values.length));
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public long get(int index) {
        return values[index];
    }

    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    public TimestampColumn build(String name) {
        return new TimestampColumn(name, toArray());
    }
}
