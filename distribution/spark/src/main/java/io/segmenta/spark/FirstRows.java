package io.segmenta.spark;

import io.segmenta.table.input.RejectionCounter;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The rows of one reason as {@link ReadAccount} counts them: how many, and the first
 * {@value RejectionCounter#SAMPLE_LINES} {@link SparkTransactions#ROW}s (the smallest, in order), merged across
 * partitions, so one pass over the rows gives every reason's count and first lines with a handful of numbers per
 * reason and partition in the shuffle.
 */
final class FirstRows implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int KEEP = RejectionCounter.SAMPLE_LINES;

    long count;
    /** The smallest rows seen, ascending; {@link #size} of them are used. */
    final long[] rows = new long[KEEP];
    int size;

    FirstRows add(long row) {
        count++;
        insert(row);
        return this;
    }

    FirstRows merge(FirstRows other) {
        count += other.count;
        for (int i = 0; i < other.size; i++) {
            insert(other.rows[i]);
        }
        return this;
    }

    private void insert(long row) {
        if (size == KEEP && row >= rows[KEEP - 1]) {
            return;
        }
        int at = size == KEEP ? KEEP - 1 : size++;
        while (at > 0 && rows[at - 1] > row) {
            rows[at] = rows[at - 1];
            at--;
        }
        rows[at] = row;
    }

    long first() {
        return rows[0];
    }

    long[] firstRows() {
        return Arrays.copyOf(rows, size);
    }
}
