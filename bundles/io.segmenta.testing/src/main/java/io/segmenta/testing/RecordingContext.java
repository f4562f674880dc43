package io.segmenta.testing;

import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stage context for tests: records every progress call and info line, carries the given options, and
 * reports the run cancelled once a given number of progress calls has been received (never, by default).
 * The lists are plain fields so that tests compare them directly. Not thread-safe: give each stage call its
 * own context.
 */
public final class RecordingContext implements StageContext {
    /** One progress call as received. */
    public record Progress(long done, long total, String unit) {
    }

    /** The progress calls, in order. */
    public final List<Progress> progress = new ArrayList<>();
    /** The info lines, in order. */
    public final List<String> infos = new ArrayList<>();
    private final Options options;
    private final int cancelAfterProgressCalls;
    private Runnable onCancelCheck = () -> { };
    private Set<TransactionField> fields = EnumSet.allOf(TransactionField.class);

    /** No options; never cancelled. */
    public RecordingContext() {
        this(Map.of(), Integer.MAX_VALUE);
    }

    /**
     * @param options the run's options
     * @param cancelAfterProgressCalls isCancelled() answers true once this many progress calls were received
     *        ({@link Integer#MAX_VALUE}: never; 0: from the start)
     */
    public RecordingContext(Map<String, String> options, int cancelAfterProgressCalls) {
        this.options = new Options(options);
        this.cancelAfterProgressCalls = cancelAfterProgressCalls;
    }

    /** A context of a run that was cancelled before the stage started: isCancelled() is always true. */
    public static RecordingContext cancelled() {
        return new RecordingContext(Map.of(), 0);
    }

    /**
     * Runs {@code hook} at the start of every isCancelled() call, so that a test can act at the moment a stage
     * checks for cancellation (e.g. between writing temporary files and moving them into place).
     *
     * @return this context
     */
    public RecordingContext onCancelCheck(Runnable hook) {
        this.onCancelCheck = hook;
        return this;
    }

    /**
     * Makes {@link #transactionFields()} answer these fields (every field by default), as the engine tells a source
     * which columns the run reads.
     *
     * @return this context
     */
    public RecordingContext reading(Set<TransactionField> read) {
        this.fields = Set.copyOf(read);
        return this;
    }

    @Override
    public Set<TransactionField> transactionFields() {
        return fields;
    }

    @Override
    public void progress(long done, long total, String unit) {
        progress.add(new Progress(done, total, unit));
    }

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public boolean isCancelled() {
        onCancelCheck.run();
        return progress.size() >= cancelAfterProgressCalls;
    }

    @Override
    public Options options() {
        return options;
    }
}
