package io.segmenta.table.source;

import io.segmenta.table.input.DateTimes;
import java.util.function.ToLongFunction;

/**
 * Date-time parsing that remembers the last text and its seconds: the lines of an order are consecutive and share
 * their date, so most rows of an export skip the parse. A text that does not parse ({@link DateTimes#BAD}) is not
 * remembered. One instance per column being read; not thread-safe.
 */
public final class DateCache {
    private final ToLongFunction<String> parser;
    private String lastText;
    private long lastSeconds;

    /** @param parser text to seconds as {@code TimestampColumn} stores them, or {@link DateTimes#BAD} */
    public DateCache(ToLongFunction<String> parser) {
        this.parser = parser;
    }

    /** The seconds of {@code text}, or {@link DateTimes#BAD}. */
    public long parse(String text) {
        if (text.equals(lastText)) {
            return lastSeconds;
        }
        long seconds = parser.applyAsLong(text);
        if (seconds != DateTimes.BAD) {
            lastText = text;
            lastSeconds = seconds;
        }
        return seconds;
    }
}
