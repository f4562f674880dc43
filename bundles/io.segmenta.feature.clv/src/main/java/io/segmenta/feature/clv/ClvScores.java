package io.segmenta.feature.clv;

/**
 * Per customer predictions from a fit: probability alive at the calibration end, expected purchases over the
 * horizon, expected value of a purchase, and CLV over the horizon: the horizon is cut into steps of about a
 * month (at least one), and each step's expected purchases times the expected value are discounted at the
 * yearly rate to the step's end, as lifetimes' {@code customer_lifetime_value} does.
 */
final class ClvScores {
    private static final double MONTH_DAYS = 365.25 / 12;

    final double[] probabilityAlive;
    final double[] expectedPurchases;
    final double[] expectedValue;
    final double[] lifetimeValue;

    ClvScores(BgNbd bg, GammaGamma gg, PurchaseHistories h, TimeUnit unit, double horizon, double discountRate) {
        int n = h.size();
        probabilityAlive = new double[n];
        expectedPurchases = new double[n];
        expectedValue = new double[n];
        lifetimeValue = new double[n];
        int steps = Math.max(1, (int) Math.ceil(horizon * unit.days / MONTH_DAYS - 1e-9));
        double[] ends = new double[steps];
        double[] discount = new double[steps];
        for (int s = 0; s < steps; s++) {
            ends[s] = horizon * (s + 1) / steps;
            discount[s] = Math.pow(1 + discountRate, -ends[s] * unit.days / 365.25);
        }
        Chunks.forEach(n, (from, to) -> score(bg, gg, h, ends, discount, from, to));
    }

    private void score(BgNbd bg, GammaGamma gg, PurchaseHistories h, double[] ends, double[] discount, int from,
            int to) {
        int steps = ends.length;
        for (int i = from; i < to; i++) {
            int x = h.x[i];
            double pAlive = bg.probabilityAlive(x, h.recency[i], h.age[i]);
            double value = h.meanValue[i] > 0 ? gg.expectedValue(x, h.meanValue[i]) : gg.expectedValue(0, 0);
            double[] ifAlive = bg.expectedIfAlive(ends, x, h.age[i]);
            double previous = 0;
            double clv = 0;
            for (int s = 0; s < steps; s++) {
                double e = pAlive * ifAlive[s];
                clv += (e - previous) * value * discount[s];
                previous = e;
            }
            probabilityAlive[i] = pAlive;
            expectedPurchases[i] = previous;
            expectedValue[i] = value;
            lifetimeValue[i] = clv;
        }
    }
}
