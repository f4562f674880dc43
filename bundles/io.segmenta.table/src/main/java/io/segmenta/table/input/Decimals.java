package io.segmenta.table.input;

/**
 * Number parsing for the hot loop: it runs once per numeric field of every row, so it scans characters
 * by hand instead of using regular expressions or general-purpose formatters, and signals a bad value
 * with NaN instead of an exception, so that the caller can name the file, line and column.
 */
public final class Decimals {
    /** The "thousands separator" of a format that has none. */
    public static final char NO_SEPARATOR = '\0';

    /** Exact powers of ten for the fast path (all are exactly representable as doubles). */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    private Decimals() {
    }

    /**
     * A plain decimal number: '.' as the decimal point, no grouping, an optional exponent; see
     * {@link #parse(String, char, char, boolean)}.
     *
     * @return the value, or NaN when the text is not such a number
     */
    public static double parse(String text) {
        return parse(text, '.', NO_SEPARATOR, true);
    }

    /**
     * A decimal number with these separators and an optional exponent; see
     * {@link #parse(String, char, char, boolean)}.
     */
    public static double parse(String text, char decimal, char thousands) {
        return parse(text, decimal, thousands, true);
    }

    /**
     * Parses a decimal number written with the given separators: an optional sign, digits optionally
     * grouped in threes by {@code thousands} ("1.234.567" with '.'), at most one {@code decimal}
     * separator followed by digits, and (when {@code exponent}) an optional exponent ({@code e}/{@code E},
     * optional sign, digits). Surrounding white space is allowed. Groups that are not of three digits
     * ("1.23.4") are rejected, so a file whose separators are the other way round than configured fails
     * instead of being misread. "NaN", "Infinity", hexadecimal and Java's "d"/"f" suffixes are not numbers
     * here, and neither is a value too large for a double. The result is the same double as
     * {@link Double#parseDouble(String)} gives for the same number in Java syntax.
     *
     * @param thousands the grouping character, or {@link #NO_SEPARATOR}
     * @return the value, or NaN when the text is not such a number
     */
    public static double parse(String text, char decimal, char thousands, boolean exponent) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
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
        boolean grouped = false;
        int groupDigits = 0; // digits since the last thousands separator (or since the start)
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                groupDigits++;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                if (significant <= 18) {
                    mantissa = mantissa * 10 + (c - '0');
                }
                if (point) {
                    fractionDigits++;
                }
            } else if (c == thousands && thousands != NO_SEPARATOR && !point) {
                // the first group has 1 to 3 digits, every later one exactly 3
                if (grouped ? groupDigits != 3 : groupDigits == 0 || groupDigits > 3) {
                    return Double.NaN;
                }
                grouped = true;
                groupDigits = 0;
            } else if (c == decimal && !point) {
                if (grouped && groupDigits != 3) {
                    return Double.NaN;
                }
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0 || (grouped && !point && groupDigits != 3)) {
            return Double.NaN;
        }
        if (i == end) {
            // A mantissa below 2^53 and a power of ten up to 1e15 are both exact doubles, so one division is
            // correctly rounded and gives the same double as Double.parseDouble.
            if (significant <= 15 && fractionDigits < POWERS_OF_TEN.length) {
                double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
                return negative ? -value : value;
            }
            return finite(Double.parseDouble(plain(text, start, end, decimal, thousands)));
        }
        // Only an exponent may follow the digits.
        char e = text.charAt(i);
        if (!exponent || (e != 'e' && e != 'E')) {
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
        return finite(Double.parseDouble(plain(text, start, end, decimal, thousands)));
    }

    /** The already validated number in Java syntax: no grouping, '.' as the decimal point. Rare path. */
    private static String plain(String text, int start, int end, char decimal, char thousands) {
        if (decimal == '.' && thousands == NO_SEPARATOR) {
            return text.substring(start, end);
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == thousands && thousands != NO_SEPARATOR) {
                continue;
            }
            sb.append(c == decimal ? '.' : c);
        }
        return sb.toString();
    }

    /** Hundreds of digits or a huge exponent overflow to infinity, which is no more a number than "NaN". */
    private static double finite(double value) {
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    /** How a number is expected to look with these separators, for error messages. */
    public static String describe(char decimal, char thousands) {
        String example = thousands == NO_SEPARATOR ? "1234" + decimal + "5" : "1" + thousands + "234" + decimal + "5";
        return "a number (decimal separator '" + decimal + "', "
                + (thousands == NO_SEPARATOR ? "no thousands separator" : "thousands separator '" + thousands + "'")
                + ", e.g. " + example + ")";
    }
}
