package io.segmenta.source.ukretail;

import io.segmenta.api.data.TimestampColumn;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Field parsers for the hot loop. They run once per field of every row (half a million rows in the full
 * export), so they scan characters by hand instead of using regular expressions or general-purpose
 * formatters, and signal a bad value with a sentinel instead of an exception: the caller turns the
 * sentinel into an {@link io.segmenta.api.InputDataException} that names the line and column.
 */
final class Values {
    /** Returned by {@link #parseDateTime(String)} for text in neither accepted format. */
    static final long BAD_TIME = Long.MIN_VALUE;

    /** The format of the shared export, parsed by hand. */
    static final String ISO_PATTERN = "yyyy-MM-dd HH:mm:ss";
    /** The format of a CSV saved from the UCI xlsx, e.g. "12/1/2010 8:26"; seconds are optional. */
    static final String UCI_PATTERN = "M/d/yyyy H:mm";

    // STRICT resolution with 'uuuu' rejects 2/30/2011 instead of quietly moving it to 2/28.
    private static final DateTimeFormatter UCI_FORMAT =
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private static final long SECONDS_PER_DAY = 86_400L;

    /** Exact powers of ten for the fast decimal path (all are exactly representable as doubles). */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    private Values() {
    }

    /**
     * Parses a plain decimal number: an optional sign, digits with at most one decimal point, and an
     * optional exponent ({@code e} or {@code E}, optional sign, digits). Surrounding spaces are allowed.
     * Unlike {@link Double#parseDouble(String)} it rejects "NaN", "Infinity", hexadecimal and the Java
     * suffixes "d" and "f", which are not numbers in a CSV export.
     *
     * @return the value, or NaN when the text is not such a number
     */
    static double parseDecimal(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                if (significant <= 18) {
                    mantissa = mantissa * 10 + (c - '0');
                }
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i == end) {
            // Fast path: a mantissa below 2^53 and a power of ten up to 1e15 are both exact doubles, so one
            // division is correctly rounded and gives the same double as Double.parseDouble.
            if (significant <= 15 && fractionDigits < POWERS_OF_TEN.length) {
                double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
                return negative ? -value : value;
            }
            return finite(Double.parseDouble(text.substring(start, end)));
        }
        // Only an exponent may follow the digits.
        char e = text.charAt(i);
        if (e != 'e' && e != 'E') {
            return Double.NaN;
        }
        i++;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int exponentDigits = 0;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Double.NaN;
            }
            exponentDigits++;
        }
        if (exponentDigits == 0) {
            return Double.NaN;
        }
        return finite(Double.parseDouble(text.substring(start, end)));
    }

    /** Hundreds of digits or a huge exponent overflow to infinity, which is no more a number than "NaN". */
    private static double finite(double value) {
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    /**
     * Parses an invoice date as seconds since 1970-01-01T00:00 of the local date-time, as
     * {@link io.segmenta.api.data.TimestampColumn} stores it. Tries {@value #ISO_PATTERN} by hand first (the
     * shared export), then {@value #UCI_PATTERN} with optional seconds (a CSV saved from the UCI xlsx).
     *
     * @return the seconds, or {@link #BAD_TIME} when the text is in neither format or is not a real date
     */
    static long parseDateTime(String text) {
        String s = text.strip();
        long fast = parseIsoDateTime(s);
        if (fast != BAD_TIME) {
            return fast;
        }
        if (s.indexOf('/') < 0) {
            return BAD_TIME; // not worth a formatter and an exception
        }
        try {
            return TimestampColumn.toEpochSeconds(LocalDateTime.parse(s, UCI_FORMAT));
        } catch (DateTimeParseException e) {
            return BAD_TIME;
        }
    }

    /** "yyyy-MM-dd HH:mm:ss" scanned by hand; {@link #BAD_TIME} for anything else or an impossible date. */
    static long parseIsoDateTime(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return BAD_TIME;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return BAD_TIME;
        }
        long epochDay;
        try {
            // LocalDate does the calendar (month lengths, leap years); it is called once per distinct date
            // text only, because the caller caches the last value.
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return BAD_TIME;
        }
        return epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
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

    /**
     * The customer key as people write it: exports that went through a float column (pandas, Spark) write
     * 17850 as "17850.0", which must be the same customer as "17850". Only a fraction of zeros is dropped;
     * anything else is kept as it is (it is a key, not a number).
     */
    static String normaliseCustomerId(String id) {
        int dot = id.indexOf('.');
        if (dot <= 0) {
            return id;
        }
        for (int i = dot + 1; i < id.length(); i++) {
            if (id.charAt(i) != '0') {
                return id;
            }
        }
        return id.substring(0, dot);
    }

    /** A header name reduced for matching: lower case, without spaces, underscores or a byte-order mark. */
    static String headerKey(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '_' && c != '\t' && c != '\uFEFF') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
