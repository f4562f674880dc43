package io.segmenta.engine.internal;

import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.util.Set;

/** A source's context for one read: the step's context, with the fields the run reads ({@link ReadFields}). */
final class ReadContext implements StageContext {
    private final StageContext step;
    private final Set<TransactionField> fields;

    ReadContext(StageContext step, Set<TransactionField> fields) {
        this.step = step;
        this.fields = fields;
    }

    @Override
    public void progress(long done, long total, String unit) {
        step.progress(done, total, unit);
    }

    @Override
    public void info(String message) {
        step.info(message);
    }

    @Override
    public boolean isCancelled() {
        return step.isCancelled();
    }

    @Override
    public void checkCancelled(String where) {
        step.checkCancelled(where);
    }

    @Override
    public System.Logger logger() {
        return step.logger();
    }

    @Override
    public Options options() {
        return step.options();
    }

    @Override
    public Set<TransactionField> transactionFields() {
        return fields;
    }
}
