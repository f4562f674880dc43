package io.segmenta.source.padi;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Field parsers for the hot loop of the PaDi UMKM reader. They scan characters by hand and signal a bad
 * value with a sentinel instead of an exception, so that the caller can name the file, line and column.
 */
final class Values {
    /** Returned by {@link #parseDate(String)} for text in none of the accepted formats. */
    static final long BAD_TIME = Long.MIN_VALUE;

    /** The accepted date formats, as shown in error messages. */
    static final String DATE_FORMATS = "yyyy-MM-dd, yyyy-MM-dd HH:mm:ss or yyyy-MM-ddTHH:mm:ss";

    /** What a money column must hold, as shown in error messages. */
    static final String WHOLE_RUPIAH =
            "a whole number of Rupiah as plain digits (e.g. 27556800; no thousands separators)";

    /** What a quantity column must hold, as shown in error messages. */
    static final String DECIMAL = "a number (digits with '.' as the decimal point, e.g. 150 or 2.5)";

    /**
     * At most this many significant digits in a whole number: every integer below 10^15 is an exact double
     * (2^53 is about 9.007 * 10^15), so Rupiah amounts are never rounded.
     */
    private static final int MAX_WHOLE_DIGITS = 15;

    private static final long SECONDS_PER_DAY = 86_400L;

    private Values() {
    }

    /**
     * True for a value the export writes for "nothing": an empty field, or the text pandas and Python write
     * for a missing value ("NaN", "nan", "None", "null"). The argument must already be trimmed.
     */
    static boolean isMissing(String trimmed) {
        int n = trimmed.length();
        if (n == 0) {
            return true;
        }
        if (n == 3) {
            return trimmed.equalsIgnoreCase("nan");
        }
        if (n == 4) {
            return trimmed.equalsIgnoreCase("none") || trimmed.equalsIgnoreCase("null");
        }
        return false;
    }

    /** The trimmed value, or null when it {@link #isMissing(String) is missing}. */
    static String text(String raw) {
        String t = raw.strip();
        return isMissing(t) ? null : t;
    }

    /**
     * Parses a whole number written as plain digits with an optional sign. A fraction of zeros only
     * ("27556800.0") is accepted because pandas writes an integer column that holds a NaN as floats; any
     * other fraction, thousands separators ("1.234.567", "1,234,567"), exponents and more than
     * {@value #MAX_WHOLE_DIGITS} significant digits are not. The argument must already be trimmed.
     *
     * @return the exact value, or NaN when the text is not such a number
     */
    static double parseWhole(String t) {
        int n = t.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        int significant = 0;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            digits++;
            if (significant > 0 || c != '0') {
                significant++;
            }
            if (significant > MAX_WHOLE_DIGITS) {
                return Double.NaN;
            }
            value = value * 10 + (c - '0');
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n) {
            // Only ".0", ".00", ... may follow; "1.234" is ambiguous (1234 with an Indonesian thousands dot).
            if (t.charAt(i) != '.' || i == n - 1) {
                return Double.NaN;
            }
            for (i++; i < n; i++) {
                if (t.charAt(i) != '0') {
                    return Double.NaN;
                }
            }
        }
        return negative ? -(double) value : (double) value;
    }

    /**
     * Parses a decimal number: an optional sign, digits and at most one '.' (no exponent, no separators).
     * The argument must already be trimmed.
     *
     * @return the value, or NaN when the text is not such a number
     */
    static double parseDecimal(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (!point) {
            double whole = parseWhole(t);
            if (!Double.isNaN(whole)) {
                return whole; // the common case, without Double.parseDouble
            }
        }
        // The text is validated, so parseDouble cannot throw; it rounds correctly where a hand loop would not.
        return Double.parseDouble(t);
    }

    /**
     * Parses an order date as seconds since 1970-01-01T00:00 of the local date-time, as
     * {@link io.segmenta.api.data.TimestampColumn} stores it: "yyyy-MM-dd" (midnight),
     * "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-ddTHH:mm:ss". The argument must already be trimmed.
     *
     * @return the seconds, or {@link #BAD_TIME} for any other text or an impossible date
     */
    static long parseDate(String s) {
        int n = s.length();
        if (n != 10 && n != 19) {
            return BAD_TIME;
        }
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            return BAD_TIME;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (n == 19) {
            char sep = s.charAt(10);
            if ((sep != ' ' && sep != 'T') || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return BAD_TIME;
            }
            hour = digits(s, 11, 2);
            minute = digits(s, 14, 2);
            second = digits(s, 17, 2);
        }
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return BAD_TIME;
        }
        long epochDay;
        try {
            // LocalDate does the calendar (month lengths, leap years); callers cache the last date text,
            // and the lines of an order are consecutive, so this runs about once per order.
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
     * A header name reduced for matching: lower case, without spaces, underscores, tabs or a byte-order
     * mark, so that "Main Category", "main_category" and "MainCategory" are one name.
     */
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
