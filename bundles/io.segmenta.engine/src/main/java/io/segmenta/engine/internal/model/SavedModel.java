package io.segmenta.engine.internal.model;

import io.segmenta.api.data.EntityKind;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.ModelState;
import io.segmenta.engine.internal.scaling.ScalingStep;
import java.util.List;
import java.util.Map;

/**
 * Everything a model file holds (format {@value ModelFile#FORMAT_VERSION}; see docs/model-file.md): how the
 * model was trained, how its features are scaled, its segments, and the algorithm's own state.
 *
 * @param created when it was saved, ISO-8601 UTC
 * @param source the training run's source stage
 * @param features the training run's feature extractor
 * @param algorithm the algorithm that fitted it (and restores it)
 * @param cluster k, seed, runs and iteration cap of the training run
 * @param options the training run's options
 * @param stageVersions the origin of each stage of the training run, by stage name
 * @param entity what a row stands for
 * @param numeric the numeric feature names, in column order
 * @param categorical the categorical feature names, in column order
 * @param valueColumn the money column, or null
 * @param scaling the fitted scaling of each numeric feature, in column order
 * @param segments the segments, in segment order
 * @param state the algorithm's state ({@link io.segmenta.api.stage.ClusterModel#state()})
 * @param training what the model was trained on
 * @param featureState the feature extractor's fitted state ({@link io.segmenta.api.stage.FeatureFit#state()}), or
 *        null when the extractor fits nothing: with it, predict scores new data with the saved fit
 */
public record SavedModel(String created, String source, String features, String algorithm, ClusterRequest cluster,
        Map<String, String> options, Map<String, String> stageVersions, EntityKind entity, List<String> numeric,
        List<String> categorical, String valueColumn, Map<String, List<ScalingStep>> scaling, List<Segment> segments,
        ModelState state, Training training, ModelState featureState) {

    /** A model whose feature extractor fits nothing. */
    public SavedModel(String created, String source, String features, String algorithm, ClusterRequest cluster,
            Map<String, String> options, Map<String, String> stageVersions, EntityKind entity, List<String> numeric,
            List<String> categorical, String valueColumn, Map<String, List<ScalingStep>> scaling,
            List<Segment> segments, ModelState state, Training training) {
        this(created, source, features, algorithm, cluster, options, stageVersions, entity, numeric, categorical,
                valueColumn, scaling, segments, state, training, null);
    }

    /**
     * One segment as trained.
     *
     * @param segment its number
     * @param name its name (the user may edit it in the file)
     * @param size training entities in it
     * @param share their share of all training entities
     * @param valueShare its share of the value column's total, or NaN without one
     */
    public record Segment(int segment, String name, int size, double share, double valueShare) {
    }

    /**
     * The training data, for the record.
     *
     * @param inputs the files read
     * @param rowsRead rows the source read
     * @param rowsKept rows it kept
     * @param entities customers (or sellers) clustered
     * @param firstTransaction the earliest kept transaction (ISO local date-time), or null
     * @param lastTransaction the latest kept transaction, or null
     * @param quality the quality figures by name (inertia, silhouette, ...); NaN where not computed
     */
    public record Training(List<String> inputs, long rowsRead, long rowsKept, int entities, String firstTransaction,
            String lastTransaction, Map<String, Double> quality) {
    }

    /** The segment names, in segment order. */
    public List<String> segmentNames() {
        return segments.stream().map(Segment::name).toList();
    }
}
