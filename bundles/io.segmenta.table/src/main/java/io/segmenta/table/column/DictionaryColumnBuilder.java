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
 * Not thread-safe.
 */
public final class DictionaryColumnBuilder {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> levels = new ArrayList<>();
    private int[] rows;
    private int size;

    public DictionaryColumnBuilder() {
        this(1024);
    }

    public DictionaryColumnBuilder(int initialCapacity) {
        rows = new int[Math.max(16, initialCapacity)];
    }

    /** The code a value has or gets now, without appending a row. */
    public int encode(String value) {
        if (value == null || value.isEmpty()) {
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
        return new CategoricalColumn(name, Arrays.copyOf(rows, size), levels);
    }
}
