package io.segmenta.api.pipeline;

import io.segmenta.api.stage.Options;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a prediction is asked to do: place the customers (or sellers) of new data in the segments of a saved
 * model.
 *
 * @param model the model file a run saved (option {@code save-model})
 * @param input the file or folder to read
 * @param source the source stage to read it with; empty: the one the model was trained with
 * @param outputDir where {@code predictions.csv} is written; created when missing
 * @param options stage options for the source and the feature extractor; the training run's options are the
 *        defaults (except {@code snapshot}, which defaults to the day after the new data's last transaction)
 * @param memberInputs the new inputs of the model's feature-set members that read their own input in training, by
 *        member name; each such member needs one ({@link FeatureInput#source()} empty: the model's source of
 *        that member)
 */
public record PredictSpec(Path model, Path input, Optional<String> source, Path outputDir, Options options,
        Map<String, FeatureInput> memberInputs) {

    /** A prediction of a model whose features come from one input (API 1.3 signature). */
    public PredictSpec(Path model, Path input, Optional<String> source, Path outputDir, Options options) {
        this(model, input, source, outputDir, options, Map.of());
    }

    /** The file the predictions are written to, in {@link #outputDir()}. */
    public static final String PREDICTIONS_FILE = "predictions.csv";

    public PredictSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(input, "input");
        source = source == null ? Optional.empty() : source;
        Objects.requireNonNull(outputDir, "outputDir");
        options = options == null ? Options.empty() : options;
        memberInputs = memberInputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(memberInputs));
    }
}
