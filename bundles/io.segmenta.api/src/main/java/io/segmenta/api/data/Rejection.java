package io.segmenta.api.data;

import java.util.List;

/**
 * Rows a source did not keep for one reason: how many, and the first few line numbers (1-based, in the
 * file named by {@code file}) so a user can look at them.
 *
 * @param reason a short, stable description such as "missing CustomerID" or "cancelled invoice"
 * @param count how many rows were rejected for this reason
 * @param file the file the line numbers refer to
 * @param firstLines the line numbers of the first rejected rows (at most a handful)
 */
public record Rejection(String reason, long count, String file, List<Long> firstLines) {
    public Rejection {
        firstLines = List.copyOf(firstLines);
    }
}
