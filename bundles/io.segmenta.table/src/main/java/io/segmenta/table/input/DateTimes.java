package io.segmenta.table.input;

import io.segmenta.api.data.TimestampColumn;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Date-time parsing to seconds since 1970-01-01T00:00 of the local date-time, as {@link TimestampColumn}
 * stores them. A bad value is signalled with {@link #BAD} instead of an exception, so that the caller can
 * name the file, line and column.
 */
public final class DateTimes {
    /** Returned for text that is not a date-time in the expected format (equal to TimestampColumn.MISSING). */
    public static final long BAD = TimestampColumn.MISSING;

    /** The format {@link #parseIso(String)} reads. */
    public static final String ISO_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private static final long SECONDS_PER_DAY = 86_400L;

    private DateTimes() {
    }

    /**
     * {@value #ISO_PATTERN} scanned by hand (exactly 19 characters, no surrounding spaces): the format of
     * most exports, and the hot path.
     *
     * @return the seconds, or {@link #BAD} for anything else or an impossible date (2011-02-29, 24:00:00)
     */
    public static long parseIso(String s) {
        return dateTime(s, ' ');
    }

    /** "yyyy-MM-dd{sep}HH:mm:ss", or {@link #BAD}. */
    private static long dateTime(String s, char sep) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != sep
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return BAD;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return BAD;
        }
        long epochDay;
        try {
            // LocalDate does the calendar (month lengths, leap years); callers cache the last value, so it
            // runs about once per distinct date text.
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return BAD;
        }
        return epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    }

    /** The formats {@link #parseIsoDateOrDateTime(String)} reads, as messages show them. */
    public static final String ISO_DATE_OR_DATE_TIME = "yyyy-MM-dd, yyyy-MM-dd HH:mm:ss or yyyy-MM-ddTHH:mm:ss";

    /**
     * A date or date-time in one of the ISO-like forms pandas and databases write: "yyyy-MM-dd"
     * (midnight), "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-ddTHH:mm:ss", scanned by hand (no surrounding spaces).
     *
     * @return the seconds, or {@link #BAD} for any other text or an impossible date
     */
    public static long parseIsoDateOrDateTime(String s) {
        int n = s.length();
        if (n == 19) {
            return dateTime(s, s.charAt(10) == 'T' ? 'T' : ' ');
        }
        if (n != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return BAD;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if ((year | month | day) < 0) {
            return BAD;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY;
        } catch (DateTimeException e) {
            return BAD;
        }
    }

    /**
     * Parses with a formatter (use {@code ResolverStyle.STRICT} and 'uuuu' so that 2/30/2011 is rejected
     * instead of quietly moved to 2/28).
     *
     * @param hasTime false when the format has only a date: the time is then the start of the day
     * @return the seconds, or {@link #BAD} when the text does not match
     */
    public static long parse(String text, DateTimeFormatter format, boolean hasTime) {
        try {
            TemporalAccessor parsed = format.parse(text);
            LocalDateTime t = hasTime ? LocalDateTime.from(parsed) : LocalDate.from(parsed).atStartOfDay();
            return TimestampColumn.toEpochSeconds(t);
        } catch (DateTimeException e) {
            return BAD;
        }
    }

    /** The number written with {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
