package io.segmenta.feature.clv;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Beta;

/**
 * A fitted BG/NBD model (Fader, Hardie &amp; Lee, "Counting Your Customers the Easy Way", 2005): purchase rates
 * lambda ~ Gamma(r, alpha), dropout probabilities after each purchase p ~ Beta(a, b). Gives per customer, from
 * frequency x, recency t_x and age T (in the fit's time unit), the probability of being alive at T (eq. 11) and
 * the expected number of purchases in (T, T + t] (eq. 10). Every result is finite for every x &gt;= 0 and
 * 0 &lt;= t_x &lt;= T, including T = 0.
 */
record BgNbd(double r, double alpha, double a, double b) {
    static final String[] NAMES = {"r", "alpha", "a", "b"};
    /** 128-point Gauss-Legendre nodes and weights on (0, 1), computed once; scaled to each piece's interval. */
    private static final GaussIntegrator LEGENDRE = new GaussIntegratorFactory().legendre(128, 0, 1);

    static BgNbd of(double[] p) {
        return new BgNbd(p[0], p[1], p[2], p[3]);
    }

    /** P(alive at T | x, t_x, T): 1 for x = 0 (no purchase has given a chance to drop out). */
    double probabilityAlive(int x, double tx, double age) {
        if (x == 0) {
            return 1;
        }
        double logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
        return 1 / (1 + Math.exp(logOdds)); // exp overflow gives 0, never NaN
    }

    /** E[Y(t) | x, t_x, T]: expected purchases in the t units after T. */
    double expectedPurchases(double t, int x, double tx, double age) {
        if (t <= 0) {
            return 0;
        }
        return probabilityAlive(x, tx, age) * expectedIfAlive(t, x, age);
    }

    /**
     * Expected purchases in (T, T+t] for a customer alive at T: lambda ~ Gamma(r+x, alpha+T) and p ~ Beta(a, b+x)
     * a posteriori, so (eq. 10 without the P(alive) factor)
     * {@code (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))]}.
     * That form divides by a-1 and needs a+b+x-1 &gt; 0; near a = 1, or when it does not hold, or when the series
     * does not settle, the same expectation is taken as the integral it comes from,
     * {@code E_p[(1 - ((alpha+T)/(alpha+T+p t))^(r+x)) / p]} over p ~ Beta(a, b+x).
     */
    double expectedIfAlive(double t, int x, double age) {
        double c = a + b + x - 1;
        double z = t / (alpha + age + t);
        if (Math.abs(a - 1) > 1e-4 && c > 0) {
            double f = Hypergeometric.f21(r + x, b + x, c, z);
            if (Double.isFinite(f)) {
                double power = Math.exp((r + x) * (Math.log(alpha + age) - Math.log(alpha + age + t)));
                double value = c / (a - 1) * (1 - power * f);
                if (Double.isFinite(value) && value >= 0) {
                    return value;
                }
            }
        }
        return expectedIfAliveByIntegral(t, x, age);
    }

    /**
     * {@link #expectedIfAlive(double, int, double)} at several horizons {@code t} at once, sharing the series'
     * coefficients; a horizon whose series does not settle is computed alone.
     */
    double[] expectedIfAlive(double[] t, int x, double age) {
        double c = a + b + x - 1;
        double[] out = new double[t.length];
        if (Math.abs(a - 1) > 1e-4 && c > 0) {
            double[] z = new double[t.length];
            for (int j = 0; j < t.length; j++) {
                z[j] = t[j] / (alpha + age + t[j]);
            }
            Hypergeometric.f21(r + x, b + x, c, z, out);
            for (int j = 0; j < t.length; j++) {
                double power = Math.exp((r + x) * (Math.log(alpha + age) - Math.log(alpha + age + t[j])));
                double value = c / (a - 1) * (1 - power * out[j]);
                out[j] = Double.isFinite(value) && value >= 0 ? value : expectedIfAlive(t[j], x, age);
            }
            return out;
        }
        for (int j = 0; j < t.length; j++) {
            out[j] = expectedIfAlive(t[j], x, age);
        }
        return out;
    }

    /**
     * The integral form, split at p = 1/2 so that neither end of the Beta density is unbounded: on (0, 1/2]
     * when a &lt; 1, p = u^(1/a) turns p^(a-1) dp into du/a; on [1/2, 1) when b+x &lt; 1, 1 - p = w^(1/(b+x))
     * turns (1-p)^(b+x-1) dp into dw/(b+x); a bounded end is integrated as it is. Each piece is integrated with Commons Math's 128-point Gauss-Legendre rule, which never
     * evaluates the ends; it agrees with the series form to 1e-4 relative or better (BgNbdTest; it is the fallback only).
     */
    double expectedIfAliveByIntegral(double t, int x, double age) {
        double bx = b + x;
        double rx = r + x;
        double s = alpha + age;
        DoubleUnaryOperator g = p -> p <= 0 ? rx * t / s : -Math.expm1(rx * (Math.log(s) - Math.log(s + p * t))) / p;
        double low = a < 1
                ? integrate(u -> {
                    double p = Math.pow(u, 1 / a);
                    return Math.pow(1 - p, bx - 1) * g.applyAsDouble(p);
                }, Math.pow(0.5, a)) / a
                : integrate(p -> Math.pow(p, a - 1) * Math.pow(1 - p, bx - 1) * g.applyAsDouble(p), 0.5);
        double high = bx < 1
                ? integrate(w -> {
                    double p = 1 - Math.pow(w, 1 / bx);
                    return Math.pow(p, a - 1) * g.applyAsDouble(p);
                }, Math.pow(0.5, bx)) / bx
                : 0.5 * LEGENDRE.integrate(v -> {
                    double p = 0.5 + 0.5 * v;
                    return Math.pow(p, a - 1) * Math.pow(1 - p, bx - 1) * g.applyAsDouble(p);
                });
        return (low + high) / Math.exp(Beta.logBeta(a, bx));
    }

    private static double integrate(DoubleUnaryOperator f, double upper) {
        return upper * LEGENDRE.integrate(u -> f.applyAsDouble(u * upper));
    }
}
