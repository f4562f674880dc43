package io.segmenta.console;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Locale-independent number text for people: ',' groups thousands, '.' separates decimals, whatever the
 * JVM's default locale (a German locale would otherwise swap them and break logs and tests).
 */
final class Numbers {
    private Numbers() {
    }

    /** {@code 541909 -> "541,909"}. */
    static String grouped(long value) {
        String text = Long.toString(value);
        return value < 0 ? "-" + groupDigits(text.substring(1)) : groupDigits(text);
    }

    /** Exactly {@code decimals} decimals, thousands grouped: {@code 1234.567, 2 -> "1,234.57"}; NaN is "n/a". */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        // BigDecimal of the exact binary value: correct rounding, never an exponent; these tables are small
        BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        StringBuilder sb = new StringBuilder(plain.length() + 8);
        if (rounded.signum() < 0) {
            sb.append('-');
        }
        sb.append(groupDigits(dot < 0 ? plain : plain.substring(0, dot)));
        if (dot >= 0) {
            sb.append(plain, dot, plain.length());
        }
        return sb.toString();
    }

    /** A share (0 to 1) as a percentage with one decimal: {@code 0.2843 -> "28.4%"}; NaN is "-". */
    static String percent(double share) {
        return Double.isNaN(share) ? "-" : fixed(share * 100, 1) + "%";
    }

    /** A duration for people: one decimal under 10 ms ("3.2 ms"), whole milliseconds above ("1,234 ms"). */
    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return (ms < 10 ? fixed(ms, 1) : grouped(Math.round(ms))) + " ms";
    }

    private static String groupDigits(String digits) {
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            sb.append(',').append(digits, i, i + 3);
        }
        return sb.toString();
    }
}
