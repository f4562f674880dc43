package io.segmenta.feature.clv;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for the BG/NBD conditional expectation, where a, b, c are
 * positive and 0 &lt;= z &lt; 1. Neither Apache Commons Math 3, Commons Numbers nor Smile 2.6 has it, so this is
 * the Gauss series, whose terms are then all positive (no cancellation) and whose ratio tends to z: it
 * converges for every z below 1, in about log(1e-16)/log(z) terms. A series that has not settled after
 * {@link #MAX_TERMS} terms (z extremely close to 1) reports so with a non-finite result, and the caller uses the
 * integral form instead ({@link BgNbd#expectedPurchases}).
 */
final class Hypergeometric {
    static final int MAX_TERMS = 2_000_000;
    private static final double TOLERANCE = 1e-15;

    private Hypergeometric() {
    }

    /** 2F1(a, b; c; z), or NaN when the series did not converge (the caller falls back). */
    static double f21(double a, double b, double c, double z) {
        if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) {
            return Double.NaN;
        }
        double sum = 1;
        double term = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (term <= TOLERANCE * sum) {
                return Double.isFinite(sum) ? sum : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * 2F1(a, b; c; z[j]) for several z at once (the steps of a CLV horizon): the coefficients are shared, so each
     * term costs one division and a multiply-add per z. {@code out[j]} is NaN where the series did not settle.
     */
    static void f21(double a, double b, double c, double[] z, double[] out) {
        int m = z.length;
        double[] power = new double[m];
        boolean valid = a > 0 && b > 0 && c > 0;
        for (int j = 0; j < m; j++) {
            valid &= z[j] >= 0 && z[j] < 1;
            power[j] = 1;
            out[j] = 1;
        }
        if (!valid) {
            java.util.Arrays.fill(out, Double.NaN);
            return;
        }
        double coefficient = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            coefficient *= (a + n) * (b + n) / ((c + n) * (n + 1));
            boolean settled = true;
            for (int j = 0; j < m; j++) {
                power[j] *= z[j];
                double term = coefficient * power[j];
                out[j] += term;
                settled &= term <= TOLERANCE * out[j];
            }
            if (settled) {
                for (int j = 0; j < m; j++) {
                    if (!Double.isFinite(out[j])) {
                        out[j] = Double.NaN;
                    }
                }
                return;
            }
        }
        java.util.Arrays.fill(out, Double.NaN);
    }
}
