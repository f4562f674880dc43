package io.segmenta.feature.clv;

import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FitParameter;
import io.segmenta.api.stage.FitTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The fit as the run's result carries it (docs/summary-json.md, docs/clv.md): parameters, figures, tables. */
final class ClvReport {
    static final String BG_NBD = "BG/NBD";
    static final String GAMMA_GAMMA = "Gamma-Gamma";

    private ClvReport() {
    }

    static FeatureFit fit(String extractor, ClvFit fit, ClvOptions options, PurchaseHistories h,
            Optional<HoldoutCheck> holdout, List<String> caveats) {
        List<FitParameter> parameters = new ArrayList<>();
        add(parameters, BG_NBD, BgNbd.NAMES, fit.purchases());
        add(parameters, GAMMA_GAMMA, GammaGamma.NAMES, fit.spend());
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("customers", (double) h.size());
        figures.put("repeat_customers", (double) fit.repeatCustomers());
        figures.put("bgnbd_log_likelihood", fit.purchases().logLikelihood());
        figures.put("gammagamma_log_likelihood", fit.spend().logLikelihood());
        figures.put("horizon", options.horizon());
        figures.put("discount_rate", options.discountRate());
        List<FitTable> tables = new ArrayList<>();
        holdout.ifPresent(check -> {
            figures.put("holdout_length", check.length);
            figures.put("holdout_predicted", check.predictedTotal);
            figures.put("holdout_actual", (double) check.actualTotal);
            figures.put("holdout_mean_absolute_error", check.meanAbsoluteError);
            List<FitTable.Row> rows = new ArrayList<>();
            for (int k = 0; k <= HoldoutCheck.POOLED_FROM; k++) {
                rows.add(new FitTable.Row(k == HoldoutCheck.POOLED_FROM ? k + "+" : String.valueOf(k),
                        List.of((double) check.customers[k], check.meanActual[k], check.meanPredicted[k])));
            }
            tables.add(new FitTable("holdout_by_frequency", "holdout repeat purchases by calibration frequency"
                    + " (mean per customer)", List.of("customers", "actual", "predicted"), rows));
        });
        // ClvFeatures.matrix names these columns by their roles
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String role : List.of(FeatureFit.PROBABILITY_ALIVE, FeatureFit.EXPECTED_PURCHASES,
                FeatureFit.LIFETIME_VALUE, FeatureFit.FREQUENCY, FeatureFit.RECENCY)) {
            outputs.put(role, role);
        }
        return new FeatureFit(extractor, ClvState.of(fit, options.unit()), parameters, figures, tables, outputs,
                caveats);
    }

    private static void add(List<FitParameter> parameters, String model, String[] names,
            MaximumLikelihood.Estimate e) {
        for (int i = 0; i < names.length; i++) {
            double se = e.standardErrors()[i];
            parameters.add(new FitParameter(model, names[i], e.params()[i],
                    Double.isFinite(se) ? OptionalDouble.of(se) : OptionalDouble.empty()));
        }
    }
}
