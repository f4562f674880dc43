package io.segmenta.api.stage;

import io.segmenta.api.data.FeatureMatrix;
import java.util.List;

/** A fitted clustering: the segment of each training row, the centres, and the means to place new rows. */
public interface ClusterModel {

    /** The algorithm's stage name. */
    String algorithm();

    /** The number of segments. */
    int k();

    /** The segment (0 to k-1) of each training row. */
    int[] labels();

    /**
     * The objective the algorithm minimised, on the training data: for K-Means the inertia (sum of squared
     * Euclidean distances to the assigned centre).
     */
    double cost();

    /** The centre of each segment over the numeric columns ({@code [segment][column]}), in scaled units. */
    double[][] centroids();

    /**
     * A name per segment, in segment order (e.g. "Champions" for rule-based RFM segments), or an empty list
     * when the algorithm does not name its segments.
     */
    default List<String> segmentNames() {
        return List.of();
    }

    /** The segment of each row of new data, scaled the same way as the training data. */
    int[] predict(FeatureMatrix features);
}
