package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureBackEnd;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import io.segmenta.table.input.MalformedRows;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link FeatureBackEnd} on Spark: the input is read once, on the first member the engine asks for,
 * and kept (parsed, {@code MEMORY_AND_DISK}) until {@link #close}; every member that shares the input is
 * aggregated from that read as Spark jobs. Members with inputs of their own (a customer table) the engine reads
 * on the driver.
 */
final class SparkBackEnd implements FeatureBackEnd, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SparkBackEnd.class);

    private final SparkSession spark;
    private final String input;
    private Dataset<Row> classified;
    private ReadAccount account;

    /** @param input the path as Spark reads it (a local path, {@code hdfs://...}, {@code s3a://...}) */
    SparkBackEnd(SparkSession spark, String input) {
        this.spark = spark;
        this.input = input;
    }

    @Override
    public ExtractedFeatures extract(String source, FeatureMember member, Options options,
            Optional<ModelState> fitted) {
        SparkPipeline.requireOnSpark(source, member.extractor());
        double maxMalformed = MalformedRows.max(options); // bad options fail before any job
        if (classified == null) {
            read(maxMalformed);
        }
        return RfmOnSpark.extract(classified, account, input, options);
    }

    private void read(double maxMalformed) {
        Dataset<Row> rows;
        try {
            rows = UkRetailRead.classified(spark, input).persist(StorageLevel.MEMORY_AND_DISK());
        } catch (Exception e) { // Scala declares no exceptions: Spark's are checked ones for javac
            if (e instanceof RuntimeException r) {
                throw r;
            }
            // Spark's account of an input it cannot read (not Parquet, no schema, ...): the first line of the
            // innermost cause, which names the file and the problem
            throw new SegmentaException(input + ": Spark cannot read it: "
                    + SparkPipeline.firstLine(SparkPipeline.rootCause(e)), e);
        }
        try {
            account = ReadAccount.of(rows, input, maxMalformed);
        } catch (RuntimeException e) {
            rows.unpersist();
            throw e;
        }
        classified = rows;
        logCachedSize();
    }

    /**
     * Logs what the parsed rows take in the executors' storage, the figure to size a cluster by (docs/spark.md,
     * "Memory and time").
     */
    private void logCachedSize() {
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

    /** Lets the executors drop the parsed rows. */
    @Override
    public void close() {
        if (classified != null) {
            classified.unpersist();
            classified = null;
        }
    }
}
