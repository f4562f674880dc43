package io.segmenta.feature.clv;

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
    private static final GaussIntegrator LEGENDRE = new GaussIntegratorFactory().legendre(64, 0, 1);

    static BgNbd of(double[] p) {
        return new BgNbd(p[0], p[1], p[2], p[3]);
    }

    double[] params() {
        return new double[] {r, alpha, a, b};
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
     * The integral form, with p = u^(1/a) so that the Beta density's p^(a-1) (unbounded near 0 when a &lt; 1)
     * becomes a constant; 64-point Gauss-Legendre on u in (0, 1) (Commons Math), which never evaluates the ends.
     */
    double expectedIfAliveByIntegral(double t, int x, double age) {
        double bx = b + x;
        double rx = r + x;
        double norm = a * Math.exp(Beta.logBeta(a, bx));
        double s = alpha + age;
        return LEGENDRE.integrate(u -> {
            double p = Math.pow(u, 1 / a);
            if (p <= 0) {
                return rx * t / s * Math.pow(1 - p, bx - 1); // the limit as p goes to 0
            }
            double g = -Math.expm1(rx * (Math.log(s) - Math.log(s + p * t))) / p;
            return Math.pow(1 - p, bx - 1) * g;
        }) / norm;
    }
}
