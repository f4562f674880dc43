package io.segmenta.feature.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Planted data: customers drawn from BG/NBD and Gamma-Gamma with known parameters (lambda ~ Gamma(r, alpha),
 * dropout after each repeat purchase with p ~ Beta(a, b), ages spread over a year), fitted back. Each estimate
 * must lie within 3 standard errors and 20% of the truth; a wrong likelihood term or a wrong sign moves at
 * least one of them far outside.
 */
class BgNbdRecoveryTest {
    private static final double R = 0.6;
    private static final double ALPHA = 6;
    private static final double A = 0.9;
    private static final double B = 3;

    /** x, t_x, T of n simulated customers. */
    static double[][] simulate(int n, long seed) {
        Well19937c rng = new Well19937c(seed);
        GammaDistribution rate = new GammaDistribution(rng, R, 1 / ALPHA);
        BetaDistribution dropout = new BetaDistribution(rng, A, B);
        double[][] out = new double[3][n];
        for (int i = 0; i < n; i++) {
            double lambda = rate.sample();
            double p = dropout.sample();
            double age = 20 + 32 * rng.nextDouble();
            double t = 0;
            int x = 0;
            double tx = 0;
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) / lambda;
                if (t > age) {
                    break;
                }
                x++;
                tx = t;
                if (rng.nextDouble() < p) {
                    break;
                }
            }
            out[0][i] = x;
            out[1][i] = tx;
            out[2][i] = age;
        }
        return out;
    }

    static int[] ints(double[] v) {
        int[] x = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            x[i] = (int) v[i];
        }
        return x;
    }

    @Test
    void recoversPlantedBgNbdParameters() {
        double[][] d = simulate(20_000, 7);
        BgNbdLikelihood ll = new BgNbdLikelihood(ints(d[0]), d[1], d[2]);
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit("BG/NBD", BgNbd.NAMES, ll::at, 20_000, 0);
        double[] truth = {R, ALPHA, A, B};
        for (int i = 0; i < 4; i++) {
            double est = e.params()[i];
            double se = e.standardErrors()[i];
            assertTrue(Math.abs(est - truth[i]) < 3 * se, BgNbd.NAMES[i] + " = " + est + " (se " + se + "), planted "
                    + truth[i]);
            assertEquals(truth[i], est, 0.2 * truth[i], BgNbd.NAMES[i]);
        }
    }

    @Test
    void recoversPlantedGammaGammaParameters() {
        Well19937c rng = new Well19937c(11);
        double p = 5;
        double q = 3;
        double v = 20;
        GammaDistribution nu = new GammaDistribution(rng, q, 1 / v);
        int n = 5000;
        int[] x = new int[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + rng.nextInt(6);
            GammaDistribution spend = new GammaDistribution(rng, p, 1 / nu.sample());
            double total = 0;
            for (int j = 0; j < x[i]; j++) {
                total += spend.sample();
            }
            m[i] = total / x[i];
        }
        GammaGamma.Likelihood ll = new GammaGamma.Likelihood(x, m);
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit("Gamma-Gamma", GammaGamma.NAMES, ll::at, n, 0);
        double[] truth = {p, q, v};
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(e.params()[i] - truth[i]) < 3 * e.standardErrors()[i],
                    GammaGamma.NAMES[i] + " = " + e.params()[i] + " (se " + e.standardErrors()[i] + ")");
            assertEquals(truth[i], e.params()[i], 0.2 * truth[i], GammaGamma.NAMES[i]);
        }
    }

    @Test
    void aPenaliserPullsParametersTowardsZero() {
        double[][] d = simulate(2_000, 3);
        BgNbdLikelihood ll = new BgNbdLikelihood(ints(d[0]), d[1], d[2]);
        double alpha0 = MaximumLikelihood.fit("BG/NBD", BgNbd.NAMES, ll::at, 2_000, 0).params()[1];
        double alpha1 = MaximumLikelihood.fit("BG/NBD", BgNbd.NAMES, ll::at, 2_000, 0.01).params()[1];
        assertTrue(alpha1 < 0.9 * alpha0, "alpha " + alpha0 + " penalised " + alpha1);
    }
}
