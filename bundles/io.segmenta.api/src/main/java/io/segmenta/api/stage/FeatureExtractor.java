package io.segmenta.api.stage;

import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.TransactionTable;
import java.util.Set;

/** Aggregates transactions per entity into a feature matrix. */
public interface FeatureExtractor extends Stage {

    @Override
    default StageKind kind() {
        return StageKind.FEATURES;
    }

    /** What a row of the result stands for. */
    EntityKind entity();

    /**
     * The transaction columns this extractor needs besides the required ones (e.g. "seller" for seller
     * features), as {@link io.segmenta.api.data.TransactionField#columnName()} names. The engine refuses a
     * pipeline whose source does not provide them, naming the missing columns.
     */
    default Set<String> requiredColumns() {
        return Set.of();
    }

    /**
     * @throws io.segmenta.api.SegmentaException when the table lacks a field this extractor needs
     */
    FeatureMatrix extract(TransactionTable transactions, StageContext context);

    /**
     * The features and, for an extractor that fits a model on the transactions (clv), the fit: its parameters
     * and figures for the run's summary, and the state {@link #extractWith} restores. The engine calls this
     * instead of {@link #extract}; extractors that fit nothing need not implement it.
     *
     * @since 1.4
     */
    default FittedFeatures extractFitted(TransactionTable transactions, StageContext context) {
        return FittedFeatures.of(extract(transactions, context));
    }

    /**
     * The features of new transactions scored with a saved fit ({@link FeatureFit#state()}), without refitting:
     * what {@code predict} calls when the model file holds a fit of this extractor.
     *
     * @throws io.segmenta.api.SegmentaException when this extractor keeps no fitted state (the default) or the
     *         state is not one it wrote
     * @since 1.4
     */
    default FeatureMatrix extractWith(TransactionTable transactions, StageContext context, ModelState fitted) {
        throw new io.segmenta.api.SegmentaException("feature extractor " + name() + " keeps no fitted state");
    }
}
