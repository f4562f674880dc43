package io.segmenta.feature.clv;

import java.util.Locale;

/** The fitted parameters as one line of text, for the run's messages. */
final class ClvSummary {
    private ClvSummary() {
    }

    static String parameters(ClvFit fit, TimeUnit unit) {
        return "BG/NBD (per " + unit.label() + ") " + line(BgNbd.NAMES, fit.purchases()) + "; Gamma-Gamma on "
                + fit.repeatCustomers() + " repeat customers " + line(GammaGamma.NAMES, fit.spend());
    }

    private static String line(String[] names, MaximumLikelihood.Estimate e) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            s.append(names[i]).append(" = ").append(String.format(Locale.ROOT, "%.4g", e.params()[i]));
            double se = e.standardErrors()[i];
            s.append(Double.isFinite(se) ? String.format(Locale.ROOT, " (se %.3g)", se) : " (se n/a)").append(", ");
        }
        return s.append("log-likelihood ").append(String.format(Locale.ROOT, "%.1f", e.logLikelihood())).toString();
    }
}
