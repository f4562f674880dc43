package io.segmenta.api.stage;

import io.segmenta.api.data.FeatureMatrix;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

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

    /**
     * The weight of one categorical mismatch in the model's dissimilarity, in squared scaled numeric units
     * (K-Prototypes' gamma); empty when the model ignores categorical features (the default). When present, the
     * engine measures the silhouette with the distance {@code sqrt(squared Euclidean + weight x mismatches)},
     * which is the Euclidean distance when there are no categorical features.
     */
    default OptionalDouble categoricalWeight() {
        return OptionalDouble.empty();
    }

    /**
     * What this model needs to {@link #predict} after being saved and loaded, for
     * {@link Clusterer#restore}: the centres and parameters, not the training labels. Empty when the model
     * cannot be saved (the default, for algorithms written before API 1.2).
     */
    default Optional<ModelState> state() {
        return Optional.empty();
    }
}
