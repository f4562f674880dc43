package io.segmenta.api.data;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A column of local date-times stored as seconds since 1970-01-01T00:00 (no time zone: exports carry the
 * marketplace's local time, and that is what recency is measured in). {@link Long#MIN_VALUE} marks a
 * missing value. {@link #epochSeconds()} returns the backing array without copying: do not modify it.
 */
public final class TimestampColumn implements Column {
    /** The value of a missing timestamp. */
    public static final long MISSING = Long.MIN_VALUE;

    private final String name;
    private final long[] epochSeconds;

    public TimestampColumn(String name, long[] epochSeconds) {
        this.name = Objects.requireNonNull(name, "name");
        this.epochSeconds = Objects.requireNonNull(epochSeconds, "epochSeconds");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return epochSeconds.length;
    }

    @Override
    public ColumnType type() {
        return ColumnType.TIMESTAMP;
    }

    public long get(int row) {
        return epochSeconds[row];
    }

    /** The value of a row as a local date-time, or {@code null} when missing. */
    public LocalDateTime dateTime(int row) {
        long s = epochSeconds[row];
        return s == MISSING ? null : LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
    }

    /** The backing array (not a copy; do not modify). */
    public long[] epochSeconds() {
        return epochSeconds;
    }

    /** Seconds since 1970-01-01T00:00 of a local date-time, as stored in this column. */
    public static long toEpochSeconds(LocalDateTime dateTime) {
        return dateTime.toEpochSecond(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "TimestampColumn[" + name + ", " + epochSeconds.length + " rows]";
    }
}
