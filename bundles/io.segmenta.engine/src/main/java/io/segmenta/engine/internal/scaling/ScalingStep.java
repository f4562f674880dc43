package io.segmenta.engine.internal.scaling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fitted step of a column's scaling, as the model file holds it.
 *
 * @param step the step as the {@code transform} option writes it, e.g. {@code zscore} or {@code winsorize:1:99}
 * @param parameters its fitted parameters by name, e.g. {@code mean} and {@code sd}
 */
public record ScalingStep(String step, Map<String, Double> parameters) {
    public ScalingStep {
        // in the order given (as the file lists them), not Map.copyOf's
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
