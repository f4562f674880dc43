package io.segmenta.source.padi;

/**
 * The PaDi UMKM export's own value conventions: pandas' missing-value markers and whole Rupiah amounts.
 * Decimal numbers, dates and header names are read with {@link io.segmenta.table.input.Decimals},
 * {@link io.segmenta.table.input.DateTimes} and {@link io.segmenta.table.input.Headers}. The parser scans characters
 * by hand and signals a bad value with NaN instead of an exception, so that the caller can name the file,
 * line and column. Public (in a package the bundle does not export) for the source on Spark, which reads values with
 * these same methods.
 */
public final class Values {
    /** What a money column must hold, as shown in error messages. */
    public static final String WHOLE_RUPIAH =
            "a whole number of Rupiah as plain digits (e.g. 27556800; no thousands separators)";

    /** What a quantity column must hold, as shown in error messages. */
    public static final String DECIMAL = "a number (digits with '.' as the decimal point, e.g. 150 or 2.5)";

    /**
     * At most this many significant digits in a whole number: every integer below 10^15 is an exact double
     * (2^53 is about 9.007 * 10^15), so Rupiah amounts are never rounded.
     */
    private static final int MAX_WHOLE_DIGITS = 15;

    private Values() {
    }

    /**
     * True for a value the export writes for "nothing": an empty field, or the text pandas and Python write
     * for a missing value ("NaN", "nan", "None", "null"). The argument must already be trimmed.
     */
    public static boolean isMissing(String trimmed) {
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
    public static String text(String raw) {
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
    public static double parseWhole(String t) {
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
}
