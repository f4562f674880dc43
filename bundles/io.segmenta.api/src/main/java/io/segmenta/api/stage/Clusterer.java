package io.segmenta.api.stage;

import io.segmenta.api.data.FeatureMatrix;

/** A clustering algorithm. */
public interface Clusterer extends Stage {

    @Override
    default StageKind kind() {
        return StageKind.ALGORITHM;
    }

    /**
     * Fits a model to already scaled features.
     *
     * @throws io.segmenta.api.SegmentaException when k is impossible for the data, or the matrix has
     *         columns of a type this algorithm cannot use
     */
    ClusterModel fit(FeatureMatrix features, ClusterRequest request, StageContext context);

    /**
     * Rebuilds a model from what {@link ClusterModel#state()} gave, so that it predicts exactly as the fitted
     * one did. The restored model has no training rows: its {@link ClusterModel#labels()} is empty.
     *
     * @throws io.segmenta.api.SegmentaException when the state is not one this algorithm wrote (naming the
     *         entry and what was expected), or when the algorithm cannot restore models (the default)
     */
    default ClusterModel restore(ModelState state) {
        throw new io.segmenta.api.SegmentaException("algorithm '" + name() + "' cannot load saved models");
    }
}
