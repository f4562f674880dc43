package io.segmenta.spark;

import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import java.util.Optional;

/**
 * A feature extractor on Spark: aggregates the kept rows of a {@link SparkSource} per entity as Spark jobs and
 * brings the per-entity features to the driver, giving the single-machine extractor's values. The business
 * figures are {@link SparkBusinessFigures#of}'s; the account is the source's ({@link SparkTransactions#quality()}).
 * One instance serves every run (no state); {@link SparkPipeline} picks it by {@link #name()}.
 */
interface SparkExtractor {
    /** The single-machine extractor's name ({@code --features}). */
    String name();

    /**
     * Checks the extractor's options before any Spark job runs (a bad option fails in a second, not after the
     * read); nothing by default.
     */
    default void check(Options options) {
    }

    ExtractedFeatures extract(SparkTransactions transactions, Options options);

    /**
     * At predict, with the fit the model file kept of this extractor: an extractor that fits a model (clv) scores
     * the new data with it instead of fitting again; the others never get one.
     */
    default ExtractedFeatures extract(SparkTransactions transactions, Options options, Optional<ModelState> fitted) {
        return extract(transactions, options);
    }
}
