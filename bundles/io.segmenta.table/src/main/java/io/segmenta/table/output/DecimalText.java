package io.segmenta.table.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Plain, locale-independent decimal text for output cells (reports, predictions): '.' as the decimal separator, no grouping, no
 * exponent, rounded to a fixed number of decimals with trailing zeros removed ({@code 12.0 -> "12"},
 * {@code 1234.5600000001 -> "1234.56"}). It appends to a caller's {@link StringBuilder} so that writing a
 * large table creates no string per cell; {@code String.format} and {@code DecimalFormat} are avoided
 * because they are locale-sensitive and slow.
 */
public final class DecimalText {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private DecimalText() {
    }

    /**
     * Appends {@code value} rounded to at most {@code decimals} decimals (half up on the magnitude). NaN
     * appends nothing (an empty cell), infinities append {@code Infinity} / {@code -Infinity}.
     */
    public static StringBuilder append(StringBuilder sb, double value, int decimals) {
        if (decimals < 0 || decimals >= POW10.length) {
            throw new IllegalArgumentException("decimals must be 0 to " + (POW10.length - 1) + ": " + decimals);
        }
        if (Double.isNaN(value)) {
            return sb;
        }
        if (Double.isInfinite(value)) {
            return sb.append(value > 0 ? "Infinity" : "-Infinity");
        }
        long pow = POW10[decimals];
        double magnitude = Math.abs(value);
        // the fast path needs magnitude * pow to fit a long exactly enough; beyond ~9e18 use BigDecimal
        if (magnitude * pow >= 9.0e18) {
            String plain = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
            return sb.append(plain);
        }
        long scaled = Math.round(magnitude * pow);
        if (scaled == 0) {
            // no "-0" for tiny negative values
            return sb.append('0');
        }
        if (value < 0) {
            sb.append('-');
        }
        sb.append(scaled / pow);
        long fraction = scaled % pow;
        if (fraction != 0) {
            int digits = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            sb.append('.');
            for (int d = digits - 1; d > 0 && fraction < POW10[d]; d--) {
                sb.append('0');
            }
            sb.append(fraction);
        }
        return sb;
    }

    /** {@link #append(StringBuilder, double, int)} into a new string (for the few cells of small tables). */
    public static String format(double value, int decimals) {
        return append(new StringBuilder(24), value, decimals).toString();
    }
}
