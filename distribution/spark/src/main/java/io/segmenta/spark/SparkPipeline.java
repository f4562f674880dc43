package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.pipeline.ProgressListener;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.spark.sql.SparkSession;

/**
 * A pipeline on Spark: the source and the feature extractors of the members that read the run's input run as
 * Spark jobs ({@link SparkBackEnd}: {@link UkRetailRead}, {@link ReadAccount}, {@link RfmOnSpark}); the
 * per-customer features come to the driver and everything after them (members with inputs of their own such as a
 * customer table, the join, scaling, the algorithm or the choice of k, quality figures, profiles, names,
 * reporters, model file) is the engine's, through {@link PipelineEngine#runOnBackEnd},
 * {@link PipelineEngine#runOnBackEndChoosingK} and {@link PipelineEngine#predictOnBackEnd}, so the outputs are
 * those of a single-machine run on the same features.
 * <p>
 * So far the Spark side knows source {@value #SOURCE} (CSV, gzip or Parquet) and features {@value #FEATURES}; any
 * algorithm and reporter the engine has can follow, {@code spark-kmeans} included.
 */
public final class SparkPipeline {
    static final String SOURCE = "uk-retail";
    static final String FEATURES = "rfm";

    private SparkPipeline() {
    }

    /**
     * Runs {@code spec} with {@code input} read by Spark.
     *
     * @param input the path as Spark reads it (a local path, {@code hdfs://...}, {@code s3a://...}); the spec's
     *        own input is a local path and only recorded
     * @param listener may be null
     */
    public static PipelineResult run(SparkSession spark, PipelineSpec spec, String input, ProgressListener listener) {
        requireOnSpark(spec);
        try (SparkBackEnd backEnd = new SparkBackEnd(spark, input)) {
            return engine().runOnBackEnd(spec, backEnd, listener);
        }
    }

    /**
     * Runs {@code spec} choosing k in {@code kMin..kMax} as {@code segmenta run --k MIN..MAX} does: Spark reads
     * and aggregates once, the engine measures every k on the driver (with {@code spark-kmeans}, every fit of
     * the sweep is an MLlib fit on the executors) and clusters with the k it recommends.
     */
    public static PipelineResult runChoosingK(SparkSession spark, PipelineSpec spec, String input, int kMin, int kMax,
            ProgressListener listener) {
        requireOnSpark(spec);
        try (SparkBackEnd backEnd = new SparkBackEnd(spark, input)) {
            return engine().runOnBackEndChoosingK(spec, backEnd, kMin, kMax, listener);
        }
    }

    /**
     * Places the customers of {@code input}, read and aggregated by Spark, in the segments of a saved model, as
     * {@code segmenta predict} does (the model's source, features and options; the saved scaling and model).
     */
    public static PredictionResult predict(SparkSession spark, PredictSpec spec, String input,
            ProgressListener listener) {
        spec.source().ifPresent(source -> requireOnSpark(source, null));
        try (SparkBackEnd backEnd = new SparkBackEnd(spark, input)) {
            return engine().predictOnBackEnd(spec, backEnd, listener);
        }
    }

    /** The features of a one-member spec on Spark, with their account and business figures (for tests). */
    static ExtractedFeatures extract(SparkSession spark, PipelineSpec spec, String input) {
        requireOnSpark(spec);
        try (SparkBackEnd backEnd = new SparkBackEnd(spark, input)) {
            return backEnd.extract(spec.source(), spec.members().get(0), spec.options(), Optional.empty());
        }
    }

    /**
     * Fails in one line, before Spark starts, when the spec's source or an extractor of a member that reads the
     * run's input has no Spark version (members with inputs of their own are read on the driver with any source).
     */
    static void requireOnSpark(PipelineSpec spec) {
        requireOnSpark(spec.source(), null);
        for (FeatureMember m : spec.members()) {
            if (!spec.memberInputs().containsKey(m.name())) {
                requireOnSpark(spec.source(), m.extractor());
            }
        }
    }

    /** @param extractor null to check only the source */
    static void requireOnSpark(String source, String extractor) {
        if (!SOURCE.equals(source)) {
            throw new SegmentaException("the Spark back-end reads --source " + SOURCE + " so far; asked for --source "
                    + source + " (run that pipeline with bin/segmenta)");
        }
        if (extractor != null && !FEATURES.equals(extractor)) {
            throw new SegmentaException("the Spark back-end aggregates the features " + FEATURES + " so far (and"
                    + " reads members with inputs of their own, such as a customer table, on the driver); asked for "
                    + extractor + " on the input of --source " + source + " (run that pipeline with bin/segmenta)");
        }
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    /** The engine on the class path, as bin/segmenta finds it on the module path. */
    static PipelineEngine engine() {
        return ServiceLoader.load(PipelineEngine.class).findFirst().orElseThrow(() -> new SegmentaException(
                "no Segmenta engine on the class path: io.segmenta.engine must be beside the Spark back-end"));
    }
}
