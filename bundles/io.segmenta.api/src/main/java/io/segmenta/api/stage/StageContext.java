package io.segmenta.api.stage;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.data.TransactionField;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a running stage may report back and ask of the pipeline that runs it. Only the engine implements it (a
 * provider type): stages call it, so adding a method is a minor change for them.
 */
@ProviderType
public interface StageContext {

    /**
     * Reports progress of long work. Calls are cheap; the receiver decides how often to show them.
     *
     * @param done units done so far
     * @param total units in all, or -1 when unknown
     * @param unit what is counted, e.g. "rows" or "runs"
     */
    void progress(long done, long total, String unit);

    /** A line of information for the user, e.g. which defaults were chosen. */
    void info(String message);

    /** True when the run was cancelled or a stage it depends on went away; long loops should stop early. */
    boolean isCancelled();

    /**
     * The one cancellation convention: call between units of work (chunks of rows, runs, iterations); when the
     * run was cancelled it throws, and the engine reports the run as cancelled at that step.
     *
     * @param where what is under way, for the message, e.g. "kmeans after 3 of 10 runs"
     * @throws RunCancelledException when {@link #isCancelled()} is true
     */
    default void checkCancelled(String where) {
        if (isCancelled()) {
            throw new RunCancelledException(where);
        }
    }

    /**
     * The logger of this stage, for what an operator needs to know (which file, how many rows, slow steps),
     * never a line per row. In Felix the engine routes it to the OSGi Log Service, on the module path to
     * {@link System#getLogger}; its name is {@code io.segmenta.stage.KIND.NAME}.
     */
    default System.Logger logger() {
        return System.getLogger("io.segmenta.stage");
    }

    /** The options of this run, with typed accessors. */
    Options options();

    /**
     * The canonical transaction fields the run reads from what this source returns (the union of the
     * {@link FeatureExtractor#fieldsRead()} of the extractors fed by this read, of the engine's own steps and of
     * the reporters' {@link Reporter#fieldsRead()}); always holds the five required fields. A source may leave out
     * the optional columns of the other fields, and skip parsing them: it never leaves out a column a rule
     * that drops rows needs (it reads that value, it just does not keep it), and the rows kept and rejected are the
     * same whatever this holds. An entity count of a field not read (such as "products") may be absent from the
     * data-quality account. A source that ignores this builds every column, as before. Other stages see every
     * field here.
     *
     * @since 1.4
     */
    default Set<TransactionField> transactionFields() {
        return EnumSet.allOf(TransactionField.class);
    }
}
