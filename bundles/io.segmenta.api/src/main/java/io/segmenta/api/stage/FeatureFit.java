package io.segmenta.api.stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a feature extractor that fits a model on the transactions (the {@code clv} extractor's BG/NBD and
 * Gamma-Gamma) reports besides its features: the fitted parameters with their standard errors, named figures
 * (log-likelihoods, validation totals), tables (validation by group), the state the model file keeps so that
 * {@code predict} scores new data with the same fit ({@link FeatureExtractor#extractWith}), which feature columns
 * carry the fit's results per entity, and what the fit cannot tell on these data.
 *
 * @param extractor the extractor's name
 * @param state what {@link FeatureExtractor#extractWith} needs to score new data without refitting
 * @param parameters the fitted parameters, in the order to show them
 * @param figures named figures, in the order to show them; every value is finite
 * @param tables tables, in the order to show them
 * @param outputs the feature columns that hold the fit's results, by role ({@link #PROBABILITY_ALIVE},
 *        {@link #EXPECTED_PURCHASES}, {@link #LIFETIME_VALUE}, {@link #FREQUENCY}, {@link #RECENCY}) to the column's
 *        name in the run's features (in a feature set, where a name clashes, the member-prefixed one); reports
 *        summarise these per segment. Empty when the fit declares none (since 1.5)
 * @param caveats plain sentences on what the fit cannot tell on these data (few repeat buyers), for every report
 *        to show beside the fit; empty when there is nothing to say (since 1.5)
 * @since 1.4
 */
public record FeatureFit(String extractor, ModelState state, List<FitParameter> parameters,
        Map<String, Double> figures, List<FitTable> tables, Map<String, String> outputs, List<String> caveats) {

    /** Role of the column with each entity's probability of being alive (still a customer) at the fit's end. */
    public static final String PROBABILITY_ALIVE = "p_alive";
    /** Role of the column with each entity's expected purchases over the horizon. */
    public static final String EXPECTED_PURCHASES = "expected_purchases";
    /** Role of the column with each entity's lifetime value over the horizon (money). */
    public static final String LIFETIME_VALUE = "clv";
    /** Role of the column with each entity's repeat purchases in the fitting period. */
    public static final String FREQUENCY = "frequency";
    /** Role of the column with the time from each entity's first to its last purchase. */
    public static final String RECENCY = "recency";

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
        outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
    }

    /** A fit that declares no output columns and no caveats (API 1.4 signature). */
    public FeatureFit(String extractor, ModelState state, List<FitParameter> parameters, Map<String, Double> figures,
            List<FitTable> tables) {
        this(extractor, state, parameters, figures, tables, Map.of(), List.of());
    }

    /**
     * The same fit with its output columns renamed (a feature set prefixes a clashing name with the member's name).
     *
     * @param renamed the new name of each column that was renamed; columns not in it keep their names
     * @since 1.4
     */
    public FeatureFit withRenamedOutputs(Map<String, String> renamed) {
        Map<String, String> columns = new LinkedHashMap<>();
        outputs.forEach((role, column) -> columns.put(role, renamed.getOrDefault(column, column)));
        return new FeatureFit(extractor, state, parameters, figures, tables, columns, caveats);
    }
}
