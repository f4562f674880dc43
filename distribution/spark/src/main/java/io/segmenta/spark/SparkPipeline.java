package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.Options;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline on Spark: the source and the feature extractor run as Spark jobs (a {@link SparkSource} gives the kept
 * rows and their account as {@link SparkTransactions}, a {@link SparkExtractor} aggregates them per entity); the
 * per-entity features come to the driver and everything after them (scaling, the algorithm, quality figures,
 * profiles, names, reporters, model file) is the engine's, through {@link PipelineEngine#runOnFeatures}, so the
 * outputs are those of a single-machine run on the same features. Any algorithm and reporter the engine has can
 * follow, {@code spark-kmeans} included.
 */
public final class SparkPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(SparkPipeline.class);

    /** The sources on Spark, by name: one line per source. */
    private static final Map<String, SparkSource> SOURCES = byName(SparkSource::name, List.of(
            new UkRetailOnSpark(),
            new MappedCsvOnSpark(),
            new OlistOnSpark()));

    /** The extractors on Spark, by name: one line per extractor. */
    private static final Map<String, SparkExtractor> EXTRACTORS = byName(SparkExtractor::name, List.of(
            new RfmOnSpark()));

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
        ExtractedFeatures extracted = extract(spark, spec, input);
        return engine().runOnFeatures(spec, extracted, listener);
    }

    /** The source and the extractor on Spark: the features, their account and the business figures. */
    public static ExtractedFeatures extract(SparkSession spark, PipelineSpec spec, String input) {
        SparkSource source = SOURCES.get(spec.source());
        SparkExtractor extractor = EXTRACTORS.get(spec.features());
        if (source == null || extractor == null) {
            throw new SegmentaException("the Spark back-end " + (source == null
                    ? "has no source '" + spec.source() + "' (it reads: " + String.join(", ", SOURCES.keySet()) + ")"
                    : "has no features '" + spec.features() + "' (it extracts: "
                            + String.join(", ", EXTRACTORS.keySet()) + ")")
                    + "; run that pipeline with bin/segmenta");
        }
        Options options = spec.options();
        extractor.check(options); // bad options fail before any job
        SparkTransactions transactions;
        try {
            transactions = source.read(spark, input, options);
        } catch (Exception e) { // Scala declares no exceptions: Spark's are checked ones for javac
            if (e instanceof RuntimeException r) {
                throw r;
            }
            // Spark's account of an input it cannot read (not Parquet, no schema, ...): the first line of the
            // innermost cause, which names the file and the problem
            throw new SegmentaException(input + ": Spark cannot read it: " + firstLine(rootCause(e)), e);
        }
        try (transactions) {
            return extractor.extract(transactions, options);
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
