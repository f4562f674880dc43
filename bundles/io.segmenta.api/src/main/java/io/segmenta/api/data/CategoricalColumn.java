package io.segmenta.api.data;

import java.util.List;
import java.util.Objects;

/**
 * A dictionary-encoded column: each row holds an index into {@link #levels()}, or {@link #MISSING}.
 * {@link #codes()} returns the backing array without copying: callers must not modify it.
 */
public final class CategoricalColumn implements Column {
    /** The code of a missing value. */
    public static final int MISSING = -1;

    private final String name;
    private final int[] codes;
    private final List<String> levels;

    public CategoricalColumn(String name, int[] codes, List<String> levels) {
        this.name = Objects.requireNonNull(name, "name");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.levels = List.copyOf(levels);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    /** The code of a row: an index into {@link #levels()}, or {@link #MISSING}. */
    public int code(int row) {
        return codes[row];
    }

    /** The value of a row, or {@code null} when missing. */
    public String value(int row) {
        int c = codes[row];
        return c == MISSING ? null : levels.get(c);
    }

    /** The backing array of codes (not a copy; do not modify). */
    public int[] codes() {
        return codes;
    }

    /** The distinct values, in the order their codes were assigned. */
    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + codes.length + " rows, " + levels.size() + " levels]";
    }
}
