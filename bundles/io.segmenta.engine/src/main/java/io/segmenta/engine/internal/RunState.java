package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cancellation state of one run, shared with its stage contexts (which stages may poll from their own
 * threads). A run is cancelled when the thread running it is interrupted, or when one of the stage entries
 * it uses is unregistered.
 */
final class RunState {
    private final Thread thread;
    private final List<StageEntry> stages;
    private volatile StageEntry wentAway;

    RunState(Thread thread, List<StageEntry> stages) {
        this.thread = thread;
        this.stages = List.copyOf(stages);
    }

    /** Called by the catalog for every entry that is unregistered. */
    void stageRemoved(StageEntry removed) {
        for (StageEntry e : stages) {
            if (e == removed) {
                if (wentAway == null) {
                    wentAway = removed;
                }
                return;
            }
        }
    }

    boolean isCancelled() {
        return wentAway != null || thread.isInterrupted();
    }

    /**
     * Throws when the run must stop.
     *
     * @param written files reporters already wrote, to say so in the message
     */
    void checkNotCancelled(List<Path> written) {
        SegmentaException e = cancellation(written, null, null);
        if (e != null) {
            throw e;
        }
    }

    /**
     * The exception that says why the run stopped, or null when it was not cancelled.
     *
     * @param step the step under way, e.g. "the algorithm 'kmeans'", or null between steps
     */
    SegmentaException cancellation(List<Path> written, Throwable cause, String step) {
        StageEntry gone = wentAway;
        if (gone != null) {
            return new SegmentaException("the " + gone.label() + " went away during the run; " + written(written),
                    cause);
        }
        return thread.isInterrupted() ? cancelled(step, written, cause) : null;
    }

    /** "the run was cancelled during STEP; nothing was written". */
    static SegmentaException cancelled(String step, List<Path> written, Throwable cause) {
        return new SegmentaException("the run was cancelled" + (step == null ? "" : " during " + step) + "; "
                + written(written), cause);
    }

    static String written(List<Path> written) {
        return written.isEmpty() ? "nothing was written"
                : "only these files were written: " + written.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
