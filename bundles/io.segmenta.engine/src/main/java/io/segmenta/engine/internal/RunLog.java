package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the engine logs of a run, on the logger {@value #ENGINE}: its start (use case, stages), each step with its
 * duration and counts, slow steps, and how it ended; never a line per row. Also hands each stage its logger,
 * {@code io.segmenta.stage.KIND.NAME}. Where the lines go is the runtime's choice: the engines pass the logger
 * source ({@link System#getLogger} on the module path, the OSGi Log Service in Felix when there is one).
 */
final class RunLog {
    /** The engine's own logger. */
    static final String ENGINE = "io.segmenta.engine";
    /** The prefix of stage loggers: {@code io.segmenta.stage.algorithm.kmeans}. */
    static final String STAGE_PREFIX = "io.segmenta.stage.";
    /** A step that takes longer is logged as slow (so operators can find what to size or sample). */
    static final long SLOW_STEP_NANOS = 30_000_000_000L;

    private final Function<String, System.Logger> loggers;
    private final System.Logger engine;

    /** @param loggers logger by name; asked once per run and stage, so a backend that comes later is used then */
    RunLog(Function<String, System.Logger> loggers) {
        this.loggers = Objects.requireNonNull(loggers, "loggers");
        this.engine = loggers.apply(ENGINE);
    }

    System.Logger stageLogger(StageEntry entry) {
        return loggers.apply(STAGE_PREFIX + entry.kind().name().toLowerCase(Locale.ROOT) + "." + entry.name());
    }

    /** @param what the use case and its subject, e.g. "run uk-retail -> rfm -> kmeans (k = 4) on data/x.csv" */
    void started(String what) {
        engine.log(Level.INFO, "started: " + what);
    }

    void stepStarted(String step) {
        engine.log(Level.DEBUG, () -> "step started: " + step);
    }

    /** @param summary what the step produced (rows, customers, files), or null */
    void stepFinished(String step, long nanos, String summary) {
        String line = "step " + step + ": " + millis(nanos) + (summary == null ? "" : "; " + summary);
        engine.log(Level.INFO, nanos >= SLOW_STEP_NANOS ? "slow " + line : line);
    }

    void finished(String useCase, long nanos) {
        engine.log(Level.INFO, useCase + " finished in " + millis(nanos));
    }

    /**
     * How a run ended that did not finish: cancellations and user errors (a {@link SegmentaException} of its own)
     * at WARNING, anything caused by a bug (of a stage or of the engine) at ERROR with its cause; the stack trace
     * at DEBUG.
     */
    void failed(String useCase, RuntimeException e, boolean cancelled) {
        Throwable cause = e.getCause();
        boolean userError = e instanceof SegmentaException
                && (cause == null || cause instanceof SegmentaException || cancelled);
        if (cancelled) {
            engine.log(Level.WARNING, useCase + " cancelled: " + e.getMessage());
        } else if (userError) {
            engine.log(Level.WARNING, useCase + " failed: " + e.getMessage());
        } else {
            Throwable bug = cause != null && e instanceof SegmentaException ? cause : e;
            engine.log(Level.ERROR, useCase + " failed: " + e.getMessage() + " (cause: " + bug + ")");
        }
        engine.log(Level.DEBUG, useCase + " failed", e);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
