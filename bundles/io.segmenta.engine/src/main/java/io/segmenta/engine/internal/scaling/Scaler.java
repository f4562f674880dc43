package io.segmenta.engine.internal.scaling;

import io.segmenta.api.data.FeatureMatrix;

/**
 * A way of scaling numeric features: {@link #fit} learns its parameters from training data and returns a
 * {@link FittedScaler} that applies them, to the training data and later to new data.
 */
public interface Scaler {

    /**
     * Learns the parameters from the numeric columns of {@code raw}.
     *
     * @throws io.segmenta.api.SegmentaException when a value cannot be scaled this way (naming the column and
     *         the entity)
     */
    FittedScaler fit(FeatureMatrix raw);
}
