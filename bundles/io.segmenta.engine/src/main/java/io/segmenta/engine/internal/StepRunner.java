package io.segmenta.engine.internal;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import io.segmenta.table.output.OutputFiles;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the steps of one run (stages and the engine's own steps): tells the listener when each starts and ends,
 * times and logs them, gives stages their context, and turns whatever stops a step into the run's one-line
 * message.
 * <ul>
 * <li>Cancellation: when the run was cancelled (a stage it uses went away, or its thread was interrupted), the
 * message says so and names the step; a {@link RunCancelledException} (or a {@link CancellationException}, which
 * stage bundles built against API 1.0 throw) means the same even if the run no longer looks cancelled.</li>
 * <li>User errors ({@link SegmentaException}) pass through; anything else thrown by a stage is a bug of that
 * stage, wrapped into a one-line message that keeps it as its cause.</li>
 * <li>Reporters run one after the other; the message of a failing one names the files the earlier ones
 * wrote.</li>
 * </ul>
 */
final class StepRunner {
    private final List<StageTiming> timings = new ArrayList<>();
    private final Options options;
    private final RunState run;
    private final ProgressListener progress;
    private final RunLog log;

    StepRunner(Options options, RunState run, ProgressListener progress, RunLog log) {
        this.options = options;
        this.run = run;
        this.progress = progress;
        this.log = log;
    }

    /** The steps finished so far, in order. */
    List<StageTiming> timings() {
        return List.copyOf(timings);
    }

    ProgressListener progress() {
        return progress;
    }

    boolean isCancelled() {
        return run.isCancelled();
    }

    /** Throws the run's message when it was cancelled; {@code written} are files reporters already wrote. */
    void checkNotCancelled(List<Path> written) {
        run.checkNotCancelled(written);
    }

    /**
     * A stage's step; the run stops after it when it was cancelled meanwhile (a stage that went away may have
     * returned early with half a result).
     *
     * @param summary what the result is, for the log (rows, customers), or null
     */
    <T> T stage(StageEntry entry, Function<StageContext, T> work, Function<? super T, String> summary) {
        return stage(entry, entry.name(), work, summary);
    }

    /**
     * As {@link #stage(StageEntry, Function, Function)}, under another step name (a stage called twice in one run,
     * as a feature set's source reading two files: "mapped-csv (web)"), so that its timings stay apart.
     */
    <T> T stage(StageEntry entry, String step, Function<StageContext, T> work, Function<? super T, String> summary) {
        T result = stage(entry, step, work, List.of(), true, summary);
        run.checkNotCancelled(List.of());
        return result;
    }

    /** A reporter's step. @param written files already written by earlier reporters, named in failure messages */
    List<Path> report(StageEntry entry, Function<StageContext, List<Path>> work, List<Path> written) {
        return stage(entry, entry.name(), work, written, true, files -> "wrote " + files);
    }

    /**
     * A stage's work that is part of a larger step: no step events, no timing, and the stage's progress is not
     * passed on (its messages are).
     */
    <T> T quiet(StageEntry entry, Function<StageContext, T> work) {
        T result = stage(entry, entry.name(), work, List.of(), false, null);
        run.checkNotCancelled(List.of());
        return result;
    }

    private <T> T stage(StageEntry entry, String stepName, Function<StageContext, T> work, List<Path> written,
            boolean step, Function<? super T, String> summary) {
        String name = "the " + entry.label();
        if (step) {
            started(entry.kind(), stepName);
        }
        long start = System.nanoTime();
        T result;
        try {
            ProgressListener listener = step ? progress : new ProgressListener() {
                @Override
                public void info(StageKind kind, String stage, String message) {
                    progress.info(kind, stage, message);
                }
            };
            result = work.apply(new RunStageContext(entry, listener, options, run, log.stageLogger(entry)));
        } catch (RuntimeException | LinkageError e) {
            // a stage whose bundle was stopped fails in odd ways (even NoClassDefFoundError): say why
            SegmentaException cancelled = cancellation(name, written, e);
            if (cancelled != null) {
                throw cancelled;
            }
            if (e instanceof LinkageError le) {
                throw le;
            }
            throw failure(entry, (RuntimeException) e, written);
        }
        if (result == null) {
            throw new SegmentaException(entry.label() + " failed: it returned nothing"
                    + (written.isEmpty() ? "" : "; " + RunState.written(written)));
        }
        if (step) {
            finished(entry.kind(), stepName, stepName.equals(entry.name()) ? entry.label() : entry.label() + " "
                    + stepName.substring(entry.name().length()).trim(), start, summary == null ? null
                    : summary.apply(result));
        }
        return result;
    }

    /**
     * A stage's step made of smaller calls (select-k's fit of every k, each run with {@link #quiet}): step events
     * and a log line, but no timing among the run's steps.
     */
    <T> T composite(StageEntry entry, Supplier<T> work, Function<? super T, String> summary) {
        started(entry.kind(), entry.name());
        long start = System.nanoTime();
        T result = work.get();
        long nanos = System.nanoTime() - start;
        progress.stepFinished(entry.kind(), entry.name(), nanos);
        log.stepFinished(entry.label(), nanos, summary.apply(result));
        return result;
    }

    /**
     * One of the engine's own steps; its SegmentaExceptions pass through, anything else is our bug.
     *
     * @param summary what the result is, for the log, or null
     */
    <T> T engine(String name, Supplier<T> work, Function<? super T, String> summary) {
        started(null, name);
        long start = System.nanoTime();
        T result = uncancelled(name, work);
        finished(null, name, name, start, summary == null ? null : summary.apply(result));
        run.checkNotCancelled(List.of());
        return result;
    }

    /** Engine work that may stop on cancellation: turned into the run's one-line message naming {@code step}. */
    <T> T uncancelled(String step, Supplier<T> work) {
        try {
            return work.get();
        } catch (RunCancelledException | CancellationException e) {
            throw cancellation("the " + step, List.of(), e);
        }
    }

    /** The run's message when {@code e} stopped it, or null when {@code e} is a failure. */
    private SegmentaException cancellation(String step, List<Path> written, Throwable e) {
        SegmentaException stopped = run.cancellation(written, e, step);
        if (stopped == null && (e instanceof RunCancelledException || e instanceof CancellationException)) {
            stopped = RunState.cancelled(step, written, e);
        }
        return stopped;
    }

    private void started(StageKind kind, String name) {
        progress.stepStarted(kind, name);
        log.stepStarted(kind == null ? name : kind.label() + " " + name);
    }

    private void finished(StageKind kind, String name, String label, long start, String summary) {
        long nanos = System.nanoTime() - start;
        timings.add(new StageTiming(kind, name, nanos));
        progress.stepFinished(kind, name, nanos);
        log.stepFinished(label, nanos, summary);
    }

    /** The one-line message of a stage's failure; a user error passes through (with the files written added). */
    static SegmentaException failure(StageEntry entry, RuntimeException e, List<Path> written) {
        String tail = written.isEmpty() ? "" : "; " + RunState.written(written);
        if (e instanceof SegmentaException se) {
            return written.isEmpty() ? se : new SegmentaException(se.getMessage() + tail, se);
        }
        if (e instanceof UncheckedIOException io) {
            // a file the stage could not read or write: the reason in words, not a Java class name
            return new SegmentaException(entry.label() + " failed: " + OutputFiles.describe(io.getCause()) + tail, e);
        }
        String message = e.getMessage();
        return new SegmentaException(entry.label() + " failed: " + e.getClass().getSimpleName()
                + (message == null ? "" : ": " + firstLine(message)) + tail, e);
    }

    /** Calls into a stage outside a step (e.g. for its options), wrapping its bugs like a step does. */
    static <T> T call(StageEntry entry, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw failure(entry, e, List.of());
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
