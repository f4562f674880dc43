package io.segmenta.engine.internal.scaling;

import io.segmenta.api.data.FeatureMatrix;
import java.util.List;
import java.util.Map;

/** Scaling parameters learnt from training data, applicable to any matrix with the same numeric features. */
public interface FittedScaler {

    /** The numeric feature names the parameters were fitted on, in column order. */
    List<String> features();

    /**
     * Scales the numeric columns with the fitted parameters; categorical columns pass through unchanged.
     *
     * @throws io.segmenta.api.SegmentaException when the matrix has other numeric features than the fitted
     *         ones, or a value cannot be scaled
     */
    FeatureMatrix transform(FeatureMatrix raw);

    /** How each feature is scaled, in words and numbers, by feature name in column order. */
    Map<String, String> describe();

    /**
     * The fitted steps of each feature, by feature name in column order (an empty list: unscaled), for saving;
     * {@link TransformScaler#restore} rebuilds the scaler from them.
     */
    Map<String, List<ScalingStep>> steps();
}
