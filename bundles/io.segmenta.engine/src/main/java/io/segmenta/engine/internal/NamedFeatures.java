package io.segmenta.engine.internal;

import java.util.List;

/**
 * Where the features the engine reads by name are among a run's numeric features: the value column (money), the
 * frequency (the first of frequency, orders, orders_fulfilled) and recency (days since the last purchase); -1
 * for one the run does not have. Names, name qualifiers, renaming rules and action rules all read them.
 */
record NamedFeatures(int value, int frequency, int recency) {
    static final List<String> FREQUENCY_FEATURES = List.of("frequency", "orders", "orders_fulfilled");
    static final String RECENCY_FEATURE = "recency";
    /** The word rules use for the value column, whatever the extractor calls it. */
    static final String VALUE_ALIAS = "value";

    static NamedFeatures of(List<String> features, String valueColumn) {
        int frequency = -1;
        for (String f : FREQUENCY_FEATURES) {
            if (frequency < 0) {
                frequency = features.indexOf(f);
            }
        }
        return new NamedFeatures(valueColumn == null ? -1 : features.indexOf(valueColumn), frequency,
                features.indexOf(RECENCY_FEATURE));
    }

    /**
     * The index of a feature as a rule names it: its own name, or {@value #VALUE_ALIAS} for the value column, or
     * {@code frequency} for the frequency feature under another name (orders); -1 when the run lacks it.
     */
    int find(List<String> features, String name) {
        int j = features.indexOf(name);
        if (j >= 0) {
            return j;
        }
        if (name.equals(VALUE_ALIAS)) {
            return value;
        }
        return name.equals(FREQUENCY_FEATURES.get(0)) ? frequency : -1;
    }
}
