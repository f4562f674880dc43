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
}
