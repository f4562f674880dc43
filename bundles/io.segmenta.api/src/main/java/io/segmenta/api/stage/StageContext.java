package io.segmenta.api.stage;

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

    /** The options of this run, with typed accessors. */
    Options options();
}
