package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.Options;
import io.segmenta.table.input.MalformedRows;
import java.util.ServiceLoader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline on Spark: the source and the feature extractor run as Spark jobs ({@link UkRetailRead},
 * {@link ReadAccount}, {@link RfmOnSpark}); the per-customer features come to the driver and everything after them
 * (scaling, the algorithm, quality figures, profiles, names, reporters, model file) is the engine's, through
 * {@link PipelineEngine#runOnFeatures}, so the outputs are those of a single-machine run on the same features.
 * <p>
 * So far the Spark side knows source {@value #SOURCE} (CSV, gzip or Parquet) and features {@value #FEATURES}; any
 * algorithm and reporter the engine has can follow, {@code spark-kmeans} included.
 */
public final class SparkPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(SparkPipeline.class);
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
        ExtractedFeatures extracted = extract(spark, spec, input);
        return engine().runOnFeatures(spec, extracted, listener);
    }

    /** The source and the extractor on Spark: the features, their account and the business figures. */
    public static ExtractedFeatures extract(SparkSession spark, PipelineSpec spec, String input) {
        if (!SOURCE.equals(spec.source()) || !FEATURES.equals(spec.features())) {
            throw new SegmentaException("the Spark back-end runs --source " + SOURCE + " with --features " + FEATURES
                    + " so far; asked for --source " + spec.source() + " --features " + spec.features()
                    + " (run that pipeline with bin/segmenta)");
        }
        Options options = spec.options();
        double maxMalformed = MalformedRows.max(options); // bad options fail before any job
        Dataset<Row> classified;
        try {
            classified = UkRetailRead.classified(spark, input).persist(StorageLevel.MEMORY_AND_DISK());
        } catch (Exception e) { // Scala declares no exceptions: Spark's are checked ones for javac
            if (e instanceof RuntimeException r) {
                throw r;
            }
            // Spark's account of an input it cannot read (not Parquet, no schema, ...): the first line of the
            // innermost cause, which names the file and the problem
            throw new SegmentaException(input + ": Spark cannot read it: " + firstLine(rootCause(e)), e);
        }
        try {
            ReadAccount account = ReadAccount.of(classified, input, maxMalformed);
            logCachedSize(spark, account);
            return RfmOnSpark.extract(classified, account, input, options);
        } finally {
            classified.unpersist();
        }
    }

    /**
     * Logs what the parsed rows take in the executors' storage, the figure to size a cluster by (docs/spark.md,
     * "Memory and time").
     */
    private static void logCachedSize(SparkSession spark, ReadAccount account) {
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
