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
import io.segmenta.api.stage.Options;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline on Spark: the source and the feature extractors of the members that read the run's input run as
 * Spark jobs (a {@link SparkSource} gives the kept rows and their account as {@link SparkTransactions}, a
 * {@link SparkExtractor} aggregates them per entity; {@link SparkBackEnd} serves them to the engine); the
 * per-entity features come to the driver and everything after them (members with inputs of their own such as a
 * customer table, the join, scaling, the algorithm or the choice of k, quality figures, profiles, names,
 * reporters, model file) is the engine's, through {@link PipelineEngine#runOnBackEnd},
 * {@link PipelineEngine#runOnBackEndChoosingK} and {@link PipelineEngine#predictOnBackEnd}, so the outputs are
 * those of a single-machine run on the same features. Any algorithm and reporter the engine has can follow,
 * {@code spark-kmeans} included.
 */
public final class SparkPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(SparkPipeline.class);

    /** The sources on Spark, by name: one line per source. */
    private static final Map<String, SparkSource> SOURCES = byName(SparkSource::name, List.of(
            new UkRetailOnSpark(),
            new MappedCsvOnSpark(),
            new OlistOnSpark(),
            new PadiUmkmOnSpark()));

    /** The extractors on Spark, by name: one line per extractor. */
    private static final Map<String, SparkExtractor> EXTRACTORS = byName(SparkExtractor::name, List.of(
            new RfmOnSpark(),
            new BuyerOnSpark(),
            new SellerOnSpark(),
            new ClvOnSpark()));

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
     * Places the entities of {@code input}, read and aggregated by Spark, in the segments of a saved model, as
     * {@code segmenta predict} does (the model's source, features and options; the saved scaling and model).
     */
    public static PredictionResult predict(SparkSession spark, PredictSpec spec, String input,
            ProgressListener listener) {
        spec.source().ifPresent(SparkPipeline::source);
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
        source(spec.source());
        for (FeatureMember m : spec.members()) {
            if (!spec.memberInputs().containsKey(m.name())) {
                extractor(m.extractor());
            }
        }
    }

    /** The source on Spark of this name. @throws SegmentaException naming the ones there are */
    static SparkSource source(String name) {
        SparkSource source = SOURCES.get(name);
        if (source == null) {
            throw new SegmentaException("the Spark back-end has no source '" + name + "' (it reads: "
                    + String.join(", ", SOURCES.keySet()) + "); run that pipeline with bin/segmenta");
        }
        return source;
    }

    /** The extractor on Spark of this name. @throws SegmentaException naming the ones there are */
    static SparkExtractor extractor(String name) {
        SparkExtractor extractor = EXTRACTORS.get(name);
        if (extractor == null) {
            throw new SegmentaException("the Spark back-end has no features '" + name + "' (it extracts: "
                    + String.join(", ", EXTRACTORS.keySet()) + "; a feature-set member with an input of its own, such"
                    + " as a customer table, is read on the driver with any source); run that pipeline with"
                    + " bin/segmenta");
        }
        return extractor;
    }

    /**
     * Reads {@code input} with the source, turning Spark's checked exceptions (an input it cannot read) into one
     * line.
     */
    static SparkTransactions read(SparkSource source, SparkSession spark, String input, Options options) {
        try {
            return source.read(spark, input, options);
        } catch (Exception e) { // Scala declares no exceptions: Spark's are checked ones for javac
            if (e instanceof RuntimeException r) {
                throw r;
            }
            // Spark's account of an input it cannot read (not Parquet, no schema, ...): the first line of the
            // innermost cause, which names the file and the problem
            throw new SegmentaException(input + ": Spark cannot read it: " + firstLine(rootCause(e)), e);
        }
    }

    /** The names the Spark back-end knows, as {@code source/features} lists for messages and docs. */
    static Set<String> sources() {
        return SOURCES.keySet();
    }

    static Set<String> extractors() {
        return EXTRACTORS.keySet();
    }

    private static <T> Map<String, T> byName(Function<T, String> name, List<T> stages) {
        Map<String, T> map = new LinkedHashMap<>();
        stages.forEach(stage -> map.put(name.apply(stage), stage));
        return Collections.unmodifiableMap(map);
    }

    /**
     * Logs what the parsed rows take in the executors' storage, the figure to size a cluster by (docs/spark.md,
     * "Memory and time").
     */
    static void logCachedSize(SparkSession spark, ReadAccount account) {
        long memory = 0;
        long disk = 0;
        for (RDDInfo info : spark.sparkContext().getRDDStorageInfo()) {
            memory += info.memSize();
            disk += info.diskSize();
        }
        LOG.info("{} rows read; the parsed rows take {} MB in memory and {} MB on disk ({} bytes per row)",
                account.rowsRead(), memory >> 20, disk >> 20, account.rowsRead() == 0 ? 0
                        : (memory + disk) / account.rowsRead());
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
