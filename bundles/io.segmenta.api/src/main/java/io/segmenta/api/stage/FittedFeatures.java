package io.segmenta.api.stage;

import io.segmenta.api.data.FeatureMatrix;
import java.util.Objects;
import java.util.Optional;

/**
 * An extractor's features and, when it fitted a model on the transactions, that fit.
 *
 * @since 1.4
 */
public record FittedFeatures(FeatureMatrix features, Optional<FeatureFit> fit) {
    public FittedFeatures {
        Objects.requireNonNull(features, "features");
        fit = fit == null ? Optional.empty() : fit;
    }

    /** Features of an extractor that fits nothing. */
    public static FittedFeatures of(FeatureMatrix features) {
        return new FittedFeatures(features, Optional.empty());
    }
}
