package io.segmenta.api.stage;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import java.util.EnumSet;
import java.util.List;
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
     * The optional canonical transaction fields this extractor reads when they are there (the five required ones
     * are always read, and so are those of {@link #requiredColumns()}; an empty set: only those), so that the source builds only the columns a run
     * reads: the engine unions them with what its own steps and the run's reporters read and passes the set to
     * the source ({@link StageContext#transactionFields()}). By default every field, so an extractor that does not
     * say gets the whole table as before; one that reads a field not listed here may find it missing. Columns a
     * source adds under names of its own are not fields, and a source builds them whatever this says.
     *
     * @since 1.4
     */
    default Set<TransactionField> fieldsRead() {
        return EnumSet.allOf(TransactionField.class);
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
     * @throws SegmentaException when this extractor keeps no fitted state (the default) or the
     *         state is not one it wrote
     * @since 1.4
     */
    default FeatureMatrix extractWith(TransactionTable transactions, StageContext context, ModelState fitted) {
        throw new SegmentaException("feature extractor " + name() + " keeps no fitted state");
    }

    /**
     * What the features this extractor wrote mean to a reader: label, definition and direction (for recency,
     * lower is better), by column name. Reports colour good and bad by it and name the features in plain words;
     * a feature left out is shown under its name in plain words, as neither good nor bad.
     *
     * @param features the features of the run (in a feature set, every member's, joined): an extractor whose
     *        columns depend on its input (attributes) describes them from it; the others list theirs
     * @since 1.4
     */
    default List<FeatureInfo> featureInfo(FeatureMatrix features) {
        return List.of();
    }
}
