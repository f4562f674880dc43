package io.segmenta.api.data;

import java.util.List;
import java.util.Map;

/**
 * What a source did with its input: every row read is either kept or counted under one rejection reason,
 * so {@code rowsRead == rowsKept + sum(rejections.count)}.
 *
 * @param source the source stage's name
 * @param inputs the files read
 * @param rowsRead data rows read (header lines excluded)
 * @param rowsKept rows in the resulting transactions table
 * @param rejections rows not kept, by reason, in the order the rules are applied
 * @param firstTimestamp the earliest kept timestamp (seconds, as in {@link TimestampColumn}), or
 *        {@link TimestampColumn#MISSING} when nothing was kept
 * @param lastTimestamp the latest kept timestamp, or {@link TimestampColumn#MISSING}
 * @param entityCounts distinct counts of kept entities, such as "customers" or "orders"
 * @param duplicateRows kept rows that repeat an earlier kept row field for field (they are kept, as exports
 *        legitimately repeat identical lines, but reported), or {@link #NOT_COUNTED}
 */
public record DataQuality(String source, List<String> inputs, long rowsRead, long rowsKept,
        List<Rejection> rejections, long firstTimestamp, long lastTimestamp, Map<String, Long> entityCounts,
        long duplicateRows) {

    /** The value of {@link #duplicateRows()} when the source does not count duplicates. */
    public static final long NOT_COUNTED = -1;

    public DataQuality {
        inputs = List.copyOf(inputs);
        rejections = List.copyOf(rejections);
        entityCounts = Map.copyOf(entityCounts);
    }

    /** A data-quality account without a duplicate count (1.0 signature). */
    public DataQuality(String source, List<String> inputs, long rowsRead, long rowsKept, List<Rejection> rejections,
            long firstTimestamp, long lastTimestamp, Map<String, Long> entityCounts) {
        this(source, inputs, rowsRead, rowsKept, rejections, firstTimestamp, lastTimestamp, entityCounts, NOT_COUNTED);
    }

    /** Rows read and not kept. */
    public long rowsRejected() {
        return rejections.stream().mapToLong(Rejection::count).sum();
    }
}
