package io.segmenta.api.stage;

import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.TransactionTable;

/** Aggregates transactions per entity into a feature matrix. */
public interface FeatureExtractor extends Stage {

    @Override
    default StageKind kind() {
        return StageKind.FEATURES;
    }

    /** What a row of the result stands for. */
    EntityKind entity();

    /**
     * @throws io.segmenta.api.SegmentaException when the table lacks a field this extractor needs
     */
    FeatureMatrix extract(TransactionTable transactions, StageContext context);
}
