package io.segmenta.feature.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Predictions of a fitted BG/NBD: the papers' worked example, the two forms agreeing, and the edges. */
class BgNbdTest {
    /** The CDNOW fit (Fader, Hardie &amp; Lee 2005a). */
    private final BgNbd cdnow = new BgNbd(0.2426, 4.414, 0.793, 2.426);

    /**
     * The paper's example (section 5): a customer with x = 2, t_x = 30.43, T = 38.86 weeks is expected to make
     * 1.226 purchases in the next 39 weeks (lifetimes' conditional_expected_number_of_purchases_up_to_time gives
     * the same).
     */
    @Test
    void givesThePapersConditionalExpectation() {
        assertEquals(1.226, cdnow.expectedPurchases(39, 2, 30.43, 38.86), 0.0005);
    }

    @Test
    void seriesAndIntegralFormsAgree() {
        BgNbd[] models = {cdnow, new BgNbd(0.5, 10, 1.7, 0.8), new BgNbd(2, 0.5, 0.3, 5)};
        for (BgNbd m : models) {
            for (int x : new int[] {0, 1, 5, 40}) {
                for (double t : new double[] {1, 39, 500}) {
                    double series = m.expectedIfAlive(t, x, 30);
                    double integral = m.expectedIfAliveByIntegral(t, x, 30);
                    assertEquals(series, integral, 1e-4 * Math.max(1, series), m + " x=" + x + " t=" + t);
                }
            }
        }
    }

    @Test
    void severalHorizonsAtOnceGiveWhatEachGivesAlone() {
        double[] t = {4.3, 8.7, 13, 26, 52, 520};
        for (int x : new int[] {0, 2, 30}) {
            double[] together = cdnow.expectedIfAlive(t, x, 25);
            for (int j = 0; j < t.length; j++) {
                assertEquals(cdnow.expectedIfAlive(t[j], x, 25), together[j], 1e-12 * Math.max(1, together[j]));
            }
        }
    }

    @Test
    void nearAEqualToOneTheIntegralIsUsedAndIsContinuous() {
        double below = new BgNbd(0.3, 5, 1 - 2e-4, 2).expectedPurchases(39, 3, 20, 30);
        double at = new BgNbd(0.3, 5, 1, 2).expectedPurchases(39, 3, 20, 30);
        double above = new BgNbd(0.3, 5, 1 + 2e-4, 2).expectedPurchases(39, 3, 20, 30);
        assertEquals(below, at, 1e-3);
        assertEquals(above, at, 1e-3);
    }

    @Test
    void edgesAreFinite() {
        assertEquals(1, cdnow.probabilityAlive(0, 0, 0));
        assertEquals(1, cdnow.probabilityAlive(0, 0, 38));
        double e = cdnow.expectedPurchases(39, 0, 0, 0); // bought today, nothing else known
        assertTrue(e > 0 && Double.isFinite(e), "T = 0: " + e);
        // a heavy buyer long silent: P(alive) underflows to 0, never NaN
        assertEquals(0, cdnow.probabilityAlive(500, 1, 10_000), 1e-300);
        assertEquals(0, cdnow.expectedPurchases(39, 500, 1, 10_000), 1e-300);
        // a very long horizon: z close to 1
        double far = cdnow.expectedPurchases(1e6, 3, 20, 30);
        assertTrue(Double.isFinite(far) && far > cdnow.expectedPurchases(1e3, 3, 20, 30), "far " + far);
        assertEquals(0, cdnow.expectedPurchases(0, 3, 20, 30));
    }

    @Test
    void gaussSeriesMatchesClosedForms() {
        // 2F1(1, 1; 2; z) = -ln(1-z)/z ; 2F1(a, b; b; z) = (1-z)^-a
        assertEquals(-Math.log(0.5) / 0.5, Hypergeometric.f21(1, 1, 2, 0.5), 1e-14);
        assertEquals(Math.pow(1 - 0.9, -0.7), Hypergeometric.f21(0.7, 3, 3, 0.9), 1e-12);
        assertTrue(Double.isNaN(Hypergeometric.f21(1, 1, -0.5, 0.5)), "c <= 0 is refused");
    }
}
