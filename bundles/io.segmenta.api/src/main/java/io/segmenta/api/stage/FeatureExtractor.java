package io.segmenta.api.stage;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.SourceData;
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
     * The features of everything a source read: what the engine calls (API 1.4). By default the features of its
     * transactions; a source that read a table of customers and no transactions is refused in one line, since
     * an extractor written before entity tables computes from transactions only. An extractor of an entity
     * table's attributes overrides this.
     *
     * @throws SegmentaException when the data has no transactions, only an entity table
     */
    default FeatureMatrix extract(SourceData data, StageContext context) {
        if (data.entitiesOnly()) {
            throw new SegmentaException("the extractor '" + name() + "' computes its features from transactions, but"
                    + " the source read a table of " + data.entities().rowCount() + " "
                    + data.entities().entity().label() + "s without transactions (source '"
                    + data.quality().source() + "'); use the extractor 'attributes' for such a table");
        }
        return extract(data.transactions(), context);
    }
}
