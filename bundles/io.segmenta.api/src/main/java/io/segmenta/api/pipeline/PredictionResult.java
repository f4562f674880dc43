package io.segmenta.api.pipeline;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.SourceData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a prediction produced.
 *
 * @param spec what was asked
 * @param model what the model file says of itself
 * @param source the new transactions and their data-quality account
 * @param features the new data's raw features, one row per entity
 * @param segments the segment (0 to k-1) of each row of {@code features}
 * @param sizes how many rows went to each segment, in segment order
 * @param timings how long each step took
 * @param stageVersions the origin of each stage used, by stage name
 * @param outputs the files written
 * @param warnings where the new data differs from the training data enough to change what the features mean
 *        (period, feature ranges, segment mix), each one line naming the figure, the threshold and what to do; and
 *        for each aspect the model file does not record, one line starting "not checked: "
 */
public record PredictionResult(PredictSpec spec, ModelSummary model, SourceData source, FeatureMatrix features,
        int[] segments, int[] sizes, List<StageTiming> timings, Map<String, String> stageVersions,
        List<Path> outputs, List<String> warnings) {

    public PredictionResult {
        segments = segments.clone();
        sizes = sizes.clone();
        timings = List.copyOf(timings);
        stageVersions = Map.copyOf(stageVersions);
        outputs = List.copyOf(outputs);
        warnings = List.copyOf(warnings);
    }

    /** A result without drift checks. */
    public PredictionResult(PredictSpec spec, ModelSummary model, SourceData source, FeatureMatrix features,
            int[] segments, int[] sizes, List<StageTiming> timings, Map<String, String> stageVersions,
            List<Path> outputs) {
        this(spec, model, source, features, segments, sizes, timings, stageVersions, outputs, List.of());
    }

    @Override
    public int[] segments() {
        return segments.clone();
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * A saved model as its file describes it.
     *
     * @param file where it was read from
     * @param formatVersion the model file format's version
     * @param created when it was saved (ISO-8601), as written
     * @param source the source stage of the training run
     * @param features the feature extractor of the training run
     * @param algorithm the algorithm that fitted the model
     * @param k the number of segments
     * @param segmentNames the name of each segment, in segment order
     * @param trainingEntities how many customers (or sellers) it was trained on
     */
    public record ModelSummary(Path file, int formatVersion, String created, String source, String features,
            String algorithm, int k, List<String> segmentNames, int trainingEntities) {

        public ModelSummary {
            segmentNames = List.copyOf(segmentNames);
        }
    }
}
