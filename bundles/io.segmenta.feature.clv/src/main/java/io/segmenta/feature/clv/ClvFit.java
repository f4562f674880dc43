package io.segmenta.feature.clv;

import io.segmenta.api.SegmentaException;
import java.util.Arrays;

/**
 * The two models fitted to a calibration period: BG/NBD on every customer, Gamma-Gamma on the repeat customers
 * with a positive mean purchase value.
 */
record ClvFit(BgNbd bgNbd, MaximumLikelihood.Estimate purchases, GammaGamma gammaGamma,
        MaximumLikelihood.Estimate spend, int repeatCustomers) {

    static ClvFit of(PurchaseHistories h, double penaliser) {
        int n = h.size();
        int repeat = (int) Arrays.stream(h.x).filter(x -> x > 0).count();
        if (repeat == 0) {
            throw new SegmentaException("clv: none of the " + n + " customers bought again by the calibration end "
                    + h.calibrationEnd + " (every one made one purchase): BG/NBD cannot tell how often customers"
                    + " buy or drop out without repeat purchases");
        }
        BgNbdLikelihood bg = new BgNbdLikelihood(h.x, h.recency, h.age);
        MaximumLikelihood.Estimate purchases = MaximumLikelihood.fit("BG/NBD", BgNbd.NAMES, bg::at, n, penaliser);

        int[] gx = new int[repeat];
        double[] gm = new double[repeat];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (h.x[i] > 0 && h.meanValue[i] > 0) {
                gx[k] = h.x[i];
                gm[k++] = h.meanValue[i];
            }
        }
        if (k == 0) {
            throw new SegmentaException("clv: no repeat customer has a positive mean purchase value: Gamma-Gamma"
                    + " cannot be fitted");
        }
        GammaGamma.Likelihood gg = new GammaGamma.Likelihood(Arrays.copyOf(gx, k), Arrays.copyOf(gm, k));
        MaximumLikelihood.Estimate spend = MaximumLikelihood.fit("Gamma-Gamma", GammaGamma.NAMES, gg::at, k,
                penaliser);
        GammaGamma model = GammaGamma.of(spend.params());
        if (!(model.q() > 1)) {
            throw new SegmentaException("clv: Gamma-Gamma fitted q = " + model.q() + " <= 1, so the mean purchase"
                    + " value is unbounded; CLV cannot be computed (try option penaliser, e.g. 0.001)");
        }
        return new ClvFit(BgNbd.of(purchases.params()), purchases, model, spend, k);
    }
}
