package io.segmenta.table.column;

import io.segmenta.api.data.CategoricalColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dictionary-encodes strings as they are appended: each distinct value gets the next code, each row
 * stores only its code. {@code null} or empty values are stored as {@link CategoricalColumn#MISSING}.
 * A {@link #discarding()} builder keeps nothing (for a column nothing in the run reads). Not thread-safe.
 */
public final class DictionaryColumnBuilder {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> levels = new ArrayList<>();
    private final boolean keeps;
    private int[] rows;
    private int size;

    public DictionaryColumnBuilder() {
        this(1024);
    }

    public DictionaryColumnBuilder(int initialCapacity) {
        this(initialCapacity, true);
    }

    private DictionaryColumnBuilder(int initialCapacity, boolean keeps) {
        this.keeps = keeps;
        rows = new int[keeps ? Math.max(16, initialCapacity) : 0];
    }

    /**
     * A builder that takes values and keeps none: every code is {@link CategoricalColumn#MISSING}, no value is
     * hashed or stored, and it has no rows and no levels; {@link #build} is refused.
     *
     * @since 1.1
     */
    public static DictionaryColumnBuilder discarding() {
        return new DictionaryColumnBuilder(0, false);
    }

    /**
     * False for a {@link #discarding()} builder: a source may then skip computing the values.
     *
     * @since 1.1
     */
    public boolean keeps() {
        return keeps;
    }

    /** The code a value has or gets now, without appending a row. */
    public int encode(String value) {
        if (!keeps || value == null || value.isEmpty()) {
            return CategoricalColumn.MISSING;
        }
        Integer code = codes.get(value);
        if (code == null) {
            code = levels.size();
            codes.put(value, code);
            levels.add(value);
        }
        return code;
    }

    /** Appends a row with the given value and returns its code. */
    public int add(String value) {
        int code = encode(value);
        addCode(code);
        return code;
    }

    /** Appends a row with a code obtained from {@link #encode(String)}. */
    public void addCode(int code) {
        if (!keeps) {
            return;
        }
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, Capacity.grow(rows.length));
        }
        rows[size++] = code;
    }

    public int size() {
        return size;
    }

    /** The number of distinct values seen. */
    public int levelCount() {
        return levels.size();
    }

    public int code(int row) {
        return rows[row];
    }

    public CategoricalColumn build(String name) {
        if (!keeps) {
            throw new IllegalStateException("column " + name + " was discarded");
        }
        return new CategoricalColumn(name, Arrays.copyOf(rows, size), levels);
    }
}
