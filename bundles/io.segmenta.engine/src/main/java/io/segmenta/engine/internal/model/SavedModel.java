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
 * @param members the members of the feature set, in order (one for a single extractor)
 * @param featureState the feature extractor's fitted state ({@link io.segmenta.api.stage.FeatureFit#state()}), or
 *        null when the extractor fits nothing: with it, predict scores new data with the saved fit
 */
public record SavedModel(String created, String source, String features, String algorithm, ClusterRequest cluster,
        Map<String, String> options, Map<String, String> stageVersions, EntityKind entity, List<String> numeric,
        List<String> categorical, String valueColumn, Map<String, List<ScalingStep>> scaling, List<Segment> segments,
        ModelState state, Training training, List<Member> members, ModelState featureState) {

    public SavedModel {
        members = List.copyOf(members);
    }

    /** A model whose feature extractors fit nothing. */
    public SavedModel(String created, String source, String features, String algorithm, ClusterRequest cluster,
            Map<String, String> options, Map<String, String> stageVersions, EntityKind entity, List<String> numeric,
            List<String> categorical, String valueColumn, Map<String, List<ScalingStep>> scaling,
            List<Segment> segments, ModelState state, Training training, List<Member> members) {
        this(created, source, features, algorithm, cluster, options, stageVersions, entity, numeric, categorical,
                valueColumn, scaling, segments, state, training, members, null);
    }

    /**
     * One member of the training run's feature set.
     *
     * @param name its name
     * @param extractor its feature extractor
     * @param source the source that read its input
     * @param input the input it read of its own, or null when it shared the run's (then predict reads its
     *        {@code --input}; otherwise predict needs {@code --input.NAME})
     */
    public record Member(String name, String extractor, String source, String input) {
        /** True when the member read an input of its own. */
        public boolean ownInput() {
            return input != null;
        }
    }

    /** True when the model's features are a feature set that needs more than the one extractor on one input. */
    public boolean combined() {
        return members.size() > 1 || members.stream().anyMatch(Member::ownInput);
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
     * @param featureRanges the range of each numeric feature in the training data, in column order, or null when
     *        the file has none (saved before they were recorded): predict then does not compare ranges
     */
    public record Training(List<String> inputs, long rowsRead, long rowsKept, int entities, String firstTransaction,
            String lastTransaction, Map<String, Double> quality, List<FeatureRange> featureRanges) {

        /** Training figures without feature ranges. */
        public Training(List<String> inputs, long rowsRead, long rowsKept, int entities, String firstTransaction,
                String lastTransaction, Map<String, Double> quality) {
            this(inputs, rowsRead, rowsKept, entities, firstTransaction, lastTransaction, quality, null);
        }
    }

    /**
     * The range most training entities had on one raw (unscaled) feature, for predict's drift check.
     *
     * @param feature the numeric feature
     * @param p1 its 1st percentile
     * @param p99 its 99th percentile
     * @param outside the share of training entities outside {@code p1..p99} (about 2 %, more on small data where
     *        the percentiles fall between the few values)
     */
    public record FeatureRange(String feature, double p1, double p99, double outside) {
        /** The share of {@code values} outside {@code p1..p99}; 0 for none. */
        public double shareOutside(double[] values) {
            if (values.length == 0) {
                return 0;
            }
            int n = 0;
            for (double v : values) {
                if (v < p1 || v > p99) {
                    n++;
                }
            }
            return (double) n / values.length;
        }
    }

    /** The segment names, in segment order. */
    public List<String> segmentNames() {
        return segments.stream().map(Segment::name).toList();
    }
}
