package io.segmenta.feature.clv;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD log-likelihood (Fader, Hardie &amp; Lee 2005, eq. 6) of many customers, evaluated fast enough for
 * an optimiser: customers with the same (x, t_x, T) are counted once with a weight, the terms that depend on x
 * alone (the log-gamma ratios) are computed once per distinct x, and log(alpha + t) once per distinct t_x and T.
 * Per customer:
 * <pre>
 *   ln L = ln G(r+x) - ln G(r) + r ln(alpha) + ln B(a, b+x) - ln B(a, b)
 *        + ln[ (alpha+T)^-(r+x) + [x &gt; 0] a/(b+x-1) (alpha+t_x)^-(r+x) ]
 * </pre>
 * with the sum of the two powers taken in log space (log-sum-exp), so no term under- or overflows.
 */
final class BgNbdLikelihood {
    private final int[] xs;          // distinct frequencies
    private final double[] tValues;  // distinct t_x and T values, in units
    private final int[] xIndex;      // per group: index into xs
    private final int[] txIndex;     // per group: index into tValues
    private final int[] ageIndex;    // per group: index into tValues
    private final double[] weight;   // per group: customers

    BgNbdLikelihood(int[] x, double[] tx, double[] age) {
        int n = x.length;
        xs = Arrays.stream(x).distinct().sorted().toArray();
        double[] all = new double[2 * n];
        System.arraycopy(tx, 0, all, 0, n);
        System.arraycopy(age, 0, all, n, n);
        tValues = Arrays.stream(all).distinct().sorted().toArray();
        // group identical (x, t_x, T) by sorting packed codes: x, t_x and T indices fit 21 bits each
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) Arrays.binarySearch(xs, x[i]) << 42) | ((long) Arrays.binarySearch(tValues, tx[i]) << 21)
                    | Arrays.binarySearch(tValues, age[i]);
        }
        Arrays.sort(keys);
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                groups++;
            }
        }
        xIndex = new int[groups];
        txIndex = new int[groups];
        ageIndex = new int[groups];
        weight = new double[groups];
        int g = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                g++;
                xIndex[g] = (int) (keys[i] >>> 42);
                txIndex[g] = (int) ((keys[i] >>> 21) & 0x1FFFFF);
                ageIndex[g] = (int) (keys[i] & 0x1FFFFF);
            }
            weight[g]++;
        }
    }

    /** The total log-likelihood at (r, alpha, a, b). */
    double at(double[] p) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        double[] common = new double[xs.length];
        double[] repeatLog = new double[xs.length];
        double lgR = Gamma.logGamma(r);
        double lgB = Gamma.logGamma(b);
        double lgAB = Gamma.logGamma(a + b);
        double rLogAlpha = r * Math.log(alpha);
        for (int k = 0; k < xs.length; k++) {
            int x = xs[k];
            common[k] = Gamma.logGamma(r + x) - lgR + rLogAlpha + lgAB + Gamma.logGamma(b + x) - lgB
                    - Gamma.logGamma(a + b + x);
            repeatLog[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : Double.NEGATIVE_INFINITY;
        }
        double[] logAlphaT = new double[tValues.length];
        for (int k = 0; k < tValues.length; k++) {
            logAlphaT[k] = Math.log(alpha + tValues[k]);
        }
        return Chunks.sum(weight.length, (from, to) -> {
            double sum = 0;
            for (int g = from; g < to; g++) {
                int k = xIndex[g];
                double rx = r + xs[k];
                double first = -rx * logAlphaT[ageIndex[g]];
                double ll;
                if (xs[k] > 0) {
                    double second = repeatLog[k] - rx * logAlphaT[txIndex[g]];
                    double hi = Math.max(first, second);
                    ll = hi + Math.log1p(Math.exp(Math.min(first, second) - hi));
                } else {
                    ll = first;
                }
                sum += weight[g] * (common[k] + ll);
            }
            return sum;
        });
    }
}
