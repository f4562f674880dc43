package io.segmenta.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: columns padded to their widest cell and separated by two spaces, numeric columns
 * right-aligned, no trailing spaces (so logs and expected-output tests stay clean).
 */
final class TextTable {
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** @param right which columns are right-aligned (numbers); the header row is the first {@link #add}. */
    TextTable(boolean... right) {
        this.right = right.clone();
    }

    TextTable add(String... cells) {
        if (cells.length != right.length) {
            throw new IllegalArgumentException(cells.length + " cells for " + right.length + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Appends every row, each starting with {@code indent} and ending with '\n'. */
    void render(StringBuilder out, String indent) {
        int[] width = new int[right.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                int pad = width[c] - row[c].length();
                if (right[c]) {
                    line.append(" ".repeat(pad)).append(row[c]);
                } else {
                    line.append(row[c]).append(" ".repeat(pad));
                }
            }
            out.append(stripTrailing(line)).append('\n');
        }
    }

    private static String stripTrailing(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
