package io.segmenta.api.stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a feature extractor that fits a model on the transactions (the {@code clv} extractor's BG/NBD and
 * Gamma-Gamma) reports besides its features: the fitted parameters with their standard errors, named figures
 * (log-likelihoods, validation totals), tables (validation by group), and the state the model file keeps so that
 * {@code predict} scores new data with the same fit ({@link FeatureExtractor#extractWith}).
 *
 * @param extractor the extractor's name
 * @param state what {@link FeatureExtractor#extractWith} needs to score new data without refitting
 * @param parameters the fitted parameters, in the order to show them
 * @param figures named figures, in the order to show them; every value is finite
 * @param tables tables, in the order to show them
 * @since 1.4
 */
public record FeatureFit(String extractor, ModelState state, List<FitParameter> parameters,
        Map<String, Double> figures, List<FitTable> tables) {

    public FeatureFit {
        Objects.requireNonNull(extractor, "extractor");
        Objects.requireNonNull(state, "state");
        parameters = List.copyOf(parameters);
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        for (Map.Entry<String, Double> e : figures.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("figure " + e.getKey() + " is not a finite number: " + e.getValue());
            }
        }
        tables = List.copyOf(tables);
    }
}
