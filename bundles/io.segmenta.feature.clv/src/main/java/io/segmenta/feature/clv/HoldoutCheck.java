package io.segmenta.feature.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The papers' validation of a BG/NBD fit on a holdout period after the calibration end: per customer the
 * expected repeat purchases in the holdout's length E[Y(t*) | x, t_x, T] against the purchase days actually
 * made in it; the totals, the mean absolute error per customer, and the conditional expectation by calibration
 * frequency (x = 0, 1, ..., 6, and 7 or more pooled, as Fader, Hardie &amp; Lee's figure 5).
 */
final class HoldoutCheck {
    static final int POOLED_FROM = 7;

    final double length;
    final double predictedTotal;
    final long actualTotal;
    final double meanAbsoluteError;
    /** Per calibration frequency 0..7+: customers, mean actual, mean predicted. */
    final long[] customers = new long[POOLED_FROM + 1];
    final double[] meanActual = new double[POOLED_FROM + 1];
    final double[] meanPredicted = new double[POOLED_FROM + 1];

    HoldoutCheck(BgNbd bg, PurchaseHistories h, TimeUnit unit) {
        length = h.holdoutLength(unit);
        double predicted = 0;
        long actual = 0;
        double absolute = 0;
        for (int i = 0; i < h.size(); i++) {
            double e = bg.expectedPurchases(length, h.x[i], h.recency[i], h.age[i]);
            int bucket = Math.min(h.x[i], POOLED_FROM);
            customers[bucket]++;
            meanActual[bucket] += h.holdoutPurchases[i];
            meanPredicted[bucket] += e;
            predicted += e;
            actual += h.holdoutPurchases[i];
            absolute += Math.abs(e - h.holdoutPurchases[i]);
        }
        for (int k = 0; k <= POOLED_FROM; k++) {
            if (customers[k] > 0) {
                meanActual[k] /= customers[k];
                meanPredicted[k] /= customers[k];
            }
        }
        predictedTotal = predicted;
        actualTotal = actual;
        meanAbsoluteError = h.size() == 0 ? 0 : absolute / h.size();
    }

    /** The check as the run's messages show it: totals first, then the table by calibration frequency. */
    List<String> lines(PurchaseHistories h, TimeUnit unit) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "holdout %s..%s (%.2f %ss): repeat purchases predicted %.1f, actual %d"
                + " (%+.1f%%); mean absolute error per customer %.3f", h.calibrationEnd.plusDays(1),
                h.holdoutEnd.orElseThrow(), length, unit.label(), predictedTotal, actualTotal,
                actualTotal == 0 ? 0.0 : 100 * (predictedTotal - actualTotal) / actualTotal, meanAbsoluteError));
        StringBuilder table = new StringBuilder("holdout by calibration frequency (x: customers, actual, predicted):");
        for (int k = 0; k <= POOLED_FROM; k++) {
            table.append(String.format(Locale.ROOT, " %s: %d, %.2f, %.2f;", k == POOLED_FROM ? POOLED_FROM + "+" : k,
                    customers[k], meanActual[k], meanPredicted[k]));
        }
        lines.add(table.substring(0, table.length() - 1));
        return lines;
    }
}
