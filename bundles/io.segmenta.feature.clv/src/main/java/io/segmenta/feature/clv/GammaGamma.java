package io.segmenta.feature.clv;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie &amp; Lee, "RFM and CLV", 2005; Colombo &amp; Jiang
 * 1999): a purchase's value is Gamma(p, nu), nu ~ Gamma(q, v) across customers. Fitted on the repeat customers
 * (x &gt; 0) from x and their mean repeat purchase value m; gives E[M | x, m] = p (v + x m) / (p x + q - 1), and
 * the population mean p v / (q - 1) for a customer with no repeat purchase. Needs q &gt; 1 (a finite mean).
 */
record GammaGamma(double p, double q, double v) {
    static final String[] NAMES = {"p", "q", "v"};

    static GammaGamma of(double[] params) {
        return new GammaGamma(params[0], params[1], params[2]);
    }

    double expectedValue(int x, double mean) {
        if (x == 0) {
            return p * v / (q - 1);
        }
        return p * (v + x * mean) / (p * x + q - 1);
    }

    /**
     * The log-likelihood of repeat customers: per customer
     * {@code ln G(px+q) - ln G(px) - ln G(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(xm+v)}. The sums over
     * customers of ln m, x ln m and x ln x are taken once, and the log-gamma terms once per distinct x.
     */
    static final class Likelihood {
        private final int[] x;
        private final double[] m;
        private final int[] xs;
        private final int[] countPerX;
        private final double sumLogM;
        private final double sumXLogM;
        private final double sumXLogX;

        Likelihood(int[] x, double[] m) {
            this.x = x;
            this.m = m;
            xs = Arrays.stream(x).distinct().sorted().toArray();
            countPerX = new int[xs.length];
            double lm = 0;
            double xlm = 0;
            double xlx = 0;
            for (int i = 0; i < x.length; i++) {
                countPerX[Arrays.binarySearch(xs, x[i])]++;
                lm += Math.log(m[i]);
                xlm += x[i] * Math.log(m[i]);
                xlx += x[i] * Math.log(x[i]);
            }
            sumLogM = lm;
            sumXLogM = xlm;
            sumXLogX = xlx;
        }

        double at(double[] params) {
            double p = params[0];
            double q = params[1];
            double v = params[2];
            int n = x.length;
            double sum = n * (q * Math.log(v) - Gamma.logGamma(q)) + p * sumXLogM - sumLogM + p * sumXLogX;
            for (int k = 0; k < xs.length; k++) {
                sum += countPerX[k] * (Gamma.logGamma(p * xs[k] + q) - Gamma.logGamma(p * xs[k]));
            }
            return sum - Chunks.sum(n, (from, to) -> {
                double part = 0;
                for (int i = from; i < to; i++) {
                    part += (p * x[i] + q) * Math.log(x[i] * m[i] + v);
                }
                return part;
            });
        }
    }
}
