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
}
