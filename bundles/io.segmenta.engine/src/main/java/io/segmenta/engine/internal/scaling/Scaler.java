package io.segmenta.engine.internal.scaling;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.Options;

/**
 * A way of scaling numeric features: {@link #fit} learns its parameters from training data and returns a
 * {@link FittedScaler} that applies them, to the training data and later to new data.
 */
public interface Scaler {

    /**
     * Learns the parameters from the numeric columns of {@code raw}.
     *
     * @param options the pipeline's options; a scaler reads those it knows (e.g. {@link TransformScaler#OPTION})
     * @throws io.segmenta.api.SegmentaException when a value cannot be scaled this way (naming the column and
     *         the entity), or an option is wrong
     */
    FittedScaler fit(FeatureMatrix raw, Options options);

    /** {@link #fit(FeatureMatrix, Options)} with no options: the scaler's defaults. */
    default FittedScaler fit(FeatureMatrix raw) {
        return fit(raw, Options.empty());
    }
}
