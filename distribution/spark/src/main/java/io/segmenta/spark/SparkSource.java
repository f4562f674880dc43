package io.segmenta.spark;

import io.segmenta.api.stage.Options;
import org.apache.spark.sql.SparkSession;

/**
 * A source on Spark: reads its input with Spark, applies the single-machine source's cleaning rules on the
 * executors, and gives the kept rows with the same account ({@link SparkTransactions}). One instance serves every
 * run (no state); {@link SparkPipeline} picks it by {@link #name()}.
 */
interface SparkSource {
    /** The single-machine source's name ({@code --source}). */
    String name();

    /**
     * @param input any path Spark reads, as typed
     * @param options the run's options (the source's own, such as {@code max-malformed})
     * @throws io.segmenta.api.SegmentaException for an input the source cannot read, in one line
     */
    SparkTransactions read(SparkSession spark, String input, Options options);
}
