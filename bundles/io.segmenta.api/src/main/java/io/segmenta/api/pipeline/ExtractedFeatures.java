package io.segmenta.api.pipeline;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.FeatureFit;
import java.util.Objects;
import java.util.Optional;

/**
 * What an execution back-end hands over after it has read the input and aggregated the entities itself (for
 * example on a cluster): the raw features, its account of the rows it read, and the business figures of the
 * transactions it kept. {@link PipelineEngine#runOnFeatures} scales, clusters, measures, profiles, names and
 * reports from these, as a run does after its feature extractor.
 *
 * @param features the raw features, one row per entity
 * @param quality the data-quality account of the transactions the features were aggregated from
 * @param business their business figures (defined on a transactions table by {@code io.segmenta.table.figures.TransactionFigures})
 * @param fit the model an extractor that fits one (clv) fitted on the transactions, as
 *        {@link io.segmenta.api.stage.FeatureExtractor#extractFitted} reports it; empty for the others (since 1.5)
 */
public record ExtractedFeatures(FeatureMatrix features, DataQuality quality, BusinessFigures business,
        Optional<FeatureFit> fit) {
    public ExtractedFeatures {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(business, "business");
        fit = fit == null ? Optional.empty() : fit;
    }

    /** Features of an extractor that fits no model (API 1.4 signature). */
    public ExtractedFeatures(FeatureMatrix features, DataQuality quality, BusinessFigures business) {
        this(features, quality, business, Optional.empty());
    }
}
