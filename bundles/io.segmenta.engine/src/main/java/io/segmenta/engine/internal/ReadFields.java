package io.segmenta.engine.internal;

import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.SegmentTrends;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.Reporter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which canonical transaction fields a run reads, so that the source builds only those columns
 * ({@link io.segmenta.api.stage.StageContext#transactionFields()}): the required five, what the extractors fed by a
 * read declare ({@link FeatureExtractor#fieldsRead()} and {@link FeatureExtractor#requiredColumns()}), and, for the
 * run's own input, what the engine's steps and the reporters read of its transactions. A stage that does not declare
 * its fields reads all of them, so such a stage keeps the whole table.
 */
final class ReadFields {
    /**
     * What the engine reads of the run's input's transactions to build a run's result: the business figures'
     * breakdowns, the trends' top levels, and the seller column that seller trends and segment moves count by.
     */
    static final Set<TransactionField> RESULT;

    static {
        EnumSet<TransactionField> result = required();
        result.addAll(BusinessFigures.BROKEN_DOWN);
        result.addAll(SegmentTrends.TOP_FIELDS);
        result.add(TransactionField.SELLER);
        RESULT = Collections.unmodifiableSet(result);
    }

    /** What select-k and predict read besides the extractors' fields: nothing (they build no business figures). */
    static final Set<TransactionField> NONE = Collections.unmodifiableSet(required());

    private ReadFields() {
    }

    /** What a run that builds a result reads of its input besides the extractors: {@link #RESULT} and the reporters'. */
    static Set<TransactionField> ofResult(ChosenStages chosen) {
        EnumSet<TransactionField> fields = EnumSet.copyOf(RESULT);
        for (StageEntry r : chosen.reporters()) {
            fields.addAll(StepRunner.call(r, () -> ((Reporter) r.stage()).fieldsRead()));
        }
        return Collections.unmodifiableSet(fields);
    }

    /**
     * The fields one read is built with.
     *
     * @param members the members whose extractors run on this read
     * @param engine what the engine's steps and the reporters read of it (for the run's input), else {@link #NONE}
     */
    static Set<TransactionField> of(List<ChosenMember> members, Set<TransactionField> engine) {
        EnumSet<TransactionField> fields = required();
        fields.addAll(engine);
        for (ChosenMember m : members) {
            FeatureExtractor extractor = (FeatureExtractor) m.extractor().stage();
            fields.addAll(StepRunner.call(m.extractor(), extractor::fieldsRead));
            for (String column : StepRunner.call(m.extractor(), extractor::requiredColumns)) {
                for (TransactionField f : TransactionField.values()) {
                    if (f.columnName().equals(column)) {
                        fields.add(f);
                    }
                }
            }
        }
        return Collections.unmodifiableSet(fields);
    }

    private static EnumSet<TransactionField> required() {
        EnumSet<TransactionField> fields = EnumSet.noneOf(TransactionField.class);
        for (TransactionField f : TransactionField.values()) {
            if (f.required()) {
                fields.add(f);
            }
        }
        return fields;
    }
}
