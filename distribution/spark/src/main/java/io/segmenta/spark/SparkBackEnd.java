package io.segmenta.spark;

import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureBackEnd;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The engine's {@link FeatureBackEnd} on Spark: the input is read once by the {@link SparkSource}, on the first
 * member the engine asks for, and its kept rows stay cached until {@link #close}; every member that shares the
 * input is aggregated from them by its {@link SparkExtractor}. Members with inputs of their own (a customer table)
 * the engine reads on the driver.
 */
final class SparkBackEnd implements FeatureBackEnd, AutoCloseable {
    private final SparkSession spark;
    private final String input;
    private SparkTransactions transactions;

    /** @param input the path as Spark reads it (a local path, {@code hdfs://...}, {@code s3a://...}) */
    SparkBackEnd(SparkSession spark, String input) {
        this.spark = spark;
        this.input = input;
    }

    @Override
    public ExtractedFeatures extract(String source, FeatureMember member, Options options,
            Optional<ModelState> fitted) {
        SparkSource reader = SparkPipeline.source(source);
        SparkExtractor extractor = SparkPipeline.extractor(member.extractor());
        extractor.check(options); // bad options fail before any job
        if (transactions == null) {
            transactions = SparkPipeline.read(reader, spark, input, options);
        }
        return extractor.extract(transactions, options, fitted);
    }

    /** Lets the executors drop the source's cached rows. */
    @Override
    public void close() {
        if (transactions != null) {
            transactions.close();
            transactions = null;
        }
    }
}
