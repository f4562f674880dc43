package io.segmenta.api.stage;

import java.util.OptionalDouble;

/**
 * One fitted parameter of a {@link FeatureFit}.
 *
 * @param model the model it belongs to ("BG/NBD")
 * @param name its name ("r")
 * @param value the estimate, finite
 * @param standardError its standard error, empty when it could not be computed
 * @since 1.4
 */
public record FitParameter(String model, String name, double value, OptionalDouble standardError) {
    public FitParameter {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(model + " " + name + " is not a finite number: " + value);
        }
        standardError = standardError == null ? OptionalDouble.empty() : standardError;
    }
}
